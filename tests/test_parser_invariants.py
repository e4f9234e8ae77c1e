"""The parser keeps every non-space character of the page exactly once, mapped to its place."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLE_PAGE, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser import parse_page
from tools.parse_snapshot import CJK, LATIN, PUNCT, SPACE, TITLES

line_text = st.text(alphabet=CJK + PUNCT + LATIN + SPACE, min_size=0, max_size=30)
titleish = st.sampled_from(TITLES)
page_lines = st.lists(st.one_of(line_text, titleish, st.just("")), min_size=0, max_size=60)


def _non_space(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def check_conserved(raw: str) -> None:
    page = parse_page(raw)
    got: Counter[str] = Counter()
    for section in page.sections:
        for text in section.all_texts():
            assert len(text.text) == len(text.source)
            for ch, off in zip(text.text, text.source):
                if ch.isspace():
                    assert raw[off].isspace(), "an inserted space stands for white space in the raw text"
                else:
                    assert raw[off] == ch, "every character maps to the same character in the raw text"
            got.update(ch for ch in text.text if not ch.isspace())
    assert got == _non_space(raw)


@settings(max_examples=150, deadline=None)
@given(page_lines)
def test_generated_pages_keep_every_character_once(lines: list[str]) -> None:
    check_conserved("\n".join(lines))


def _real_pages() -> list[Path]:
    pages = [SAMPLE_PAGE]
    for name in ("pages-dev", "pages-dev-engine"):  # with blank lines, and as an OCR engine prints
        dev = SHARED / "data" / name
        if dev.is_dir():
            pages += sorted(dev.glob("*.txt"))
    return pages


@pytest.mark.parametrize("path", _real_pages(), ids=lambda p: p.name)
def test_real_pages_keep_every_character_once(path: Path) -> None:
    check_conserved(path.read_text(encoding="utf-8"))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_real_pages_cut_anywhere_keep_every_character_once(data: st.DataObject) -> None:
    raw = SAMPLE_PAGE.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    check_conserved(raw[start:end])


engine_lines = st.lists(st.one_of(line_text.filter(str.strip), titleish), min_size=0, max_size=60)


@settings(max_examples=100, deadline=None)
@given(engine_lines)
def test_pages_without_blank_lines_keep_every_character_once(lines: list[str]) -> None:
    """Pages as an OCR engine prints them go through the line model, its second look at
    short lines and the placement of headlines above or below their text."""
    check_conserved("\n".join(lines))
