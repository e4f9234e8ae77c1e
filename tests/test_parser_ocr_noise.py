"""Pages with OCR's own noise (half-width punctuation, stray spaces, look-alike characters, a
line's last mark lost, a page number or running header): every character is kept once, and the
page reads as the same articles as without the noise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from test_parser_invariants import check_conserved, line_text

from models.parser import parse_page
from models.parser.lines import ocr_read
from tools.ocr_noise import HALF, KINDS, noisy_page

SEED_GOLD = SHARED / "data" / "seed" / "jiaozuo-2016-11-page.gold.json"
DEV = SHARED / "data"


def _gold_pages() -> list[Path]:
    pages = [SEED_GOLD] if SEED_GOLD.exists() else []
    for name in ("pages-dev", "pages-dev-column", "pages-dev-engine"):
        pages += sorted((DEV / name).glob("*.gold.json"))[:3]
    return pages


GOLD_PAGES = _gold_pages()
needs_gold = pytest.mark.skipif(not GOLD_PAGES, reason="needs ../shared")


@needs_gold
@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(GOLD_PAGES or [Path()]),
    st.lists(st.sampled_from(KINDS), min_size=1, max_size=len(KINDS), unique=True),
    st.integers(0, 10**6),
)
def test_noisy_pages_keep_every_character_once(gold_path: Path, kinds: list[str], seed: int) -> None:
    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    noisy, _ = noisy_page(raw, gold, tuple(kinds), seed)
    check_conserved(noisy)


folio = st.sampled_from(["— 3 —", "12", "第5版", "人民日报 2020年2月7日 星期五 第10版", "3 要闻", "要闻 3"])


@settings(max_examples=80, deadline=None)
@given(st.lists(folio, max_size=2), st.lists(line_text, max_size=40), st.lists(folio, max_size=2))
def test_pages_with_furniture_keep_every_character_once(
    top: list[str], lines: list[str], bottom: list[str]
) -> None:
    """Page numbers and running headers at either end, on pages with blank lines or without."""
    check_conserved("\n".join(top + lines + bottom))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='中文报道，。“”：,.:;!?()"o 0123456789abc\n', max_size=40))
def test_reading_half_width_marks_changes_nothing_else(text: str) -> None:
    """What the features read has one character for each of the text's (offsets stay), and
    differs only where a half-width mark is read as its full-width one."""
    read = ocr_read(text)
    assert len(read) == len(text)
    for a, b in zip(text, read):
        if a != b:
            assert b in "，。：；！？（）“”" and (a in HALF.get(b, "") or a == '"')


def _reading(raw: str) -> tuple[list[str], list[int]]:
    """The page's headings (as the features read them, without spaces) and each section's
    paragraph count, page furniture left out."""
    sections = [s for s in parse_page(raw).sections if s.kind != "other"]
    heads = ["".join(ocr_read(s.heading.text).split()) if s.heading else "" for s in sections]
    return heads, [len(s.paragraphs) for s in sections]


@needs_gold
@pytest.mark.parametrize(
    "kinds",
    [("halfwidth",), ("spaces",), ("furniture",), ("halfwidth", "furniture"), ("spaces", "furniture")],
)
def test_sample_page_reads_the_same_with_ocr_noise(kinds: tuple[str, ...]) -> None:
    """The sample page read with OCR's half-width punctuation, stray spaces, a page number and
    a running header: the same headlines over the same number of paragraphs as without."""
    raw = SEED_GOLD.with_name(SEED_GOLD.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    clean = _reading(raw)
    for seed in range(3):
        noisy, _ = noisy_page(raw, gold, kinds, seed)
        assert noisy != raw
        assert _reading(noisy) == clean
