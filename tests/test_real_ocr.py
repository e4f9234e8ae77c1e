"""tools/real_ocr.py, the pages read by Tesseract: the gold it carries over to the engine's text
scores a parser that prints it perfectly, and keeps every character the engine read once.
The carrying is tested on reads made up here (no Tesseract needed); one test reads a piece of
two pages with Tesseract and skips cleanly without it."""

from __future__ import annotations

import collections
import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.ocr_noise import _gold_fields, gold_positions
from tools.real_ocr import FONT, Reader, build, carry_gold, check, chunks
from tools.real_ocr_noise import DIFF_KINDS, mixed
from tools.structure_score import scorer

DEV = SHARED / "data"
GOLD_PAGES = [
    p
    for p in [DEV / "seed" / "jiaozuo-2016-11-page.gold.json"]
    + [
        sorted((DEV / s).glob("*.gold.json"))[0]
        for s in ("pages-dev", "pages-dev-column", "pages-dev-engine")
        if (DEV / s).is_dir()
    ]
    if p.exists()
]
needs_gold = pytest.mark.skipif(not GOLD_PAGES, reason="needs ../shared")


def _page(gold_path: Path) -> tuple[str, dict]:
    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    return raw, json.loads(gold_path.read_text(encoding="utf-8"))


def _misread(printed: str, rng: random.Random, rate: float) -> str:
    """The text as an engine might print it: characters read for others, dropped, added, spaces
    and blank lines lost or added."""
    out = []
    for c in printed:
        x = rng.random()
        if c == "\n":
            out.append("\n\n" if x < rate else "\n")
        elif c.isspace():
            out.append("" if x < 0.5 else c)
        elif x < rate:
            out.append("")
        elif x < 2 * rate:
            out.append(rng.choice("副喜工置:;!?)〈一-"))
        elif x < 3 * rate:
            out.append(c + rng.choice("上，. 1"))
        else:
            out.append(c)
    return "".join(out).strip("\n")


def _parts(raw: str, rng: random.Random, rate: float) -> tuple[list[tuple[str, str, int]], str]:
    lines = raw.split("\n")
    starts = [0]
    for x in lines:
        starts.append(starts[-1] + len(x) + 1)
    parts, text = [], ""
    for a, b in chunks(lines, 40):
        printed = "\n".join(lines[a:b])
        read = _misread(printed, rng, rate)
        parts.append((printed, read, starts[a]))
        text += ("\n" if text else "") + read
    return parts, text + "\n"


def _nonspace(text: str) -> collections.Counter:
    return collections.Counter(c for c in text if not c.isspace())


@needs_gold
@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(GOLD_PAGES or [Path()]), st.integers(0, 10**6), st.sampled_from([0.0, 0.01, 0.05, 0.2])
)
def test_carried_gold_scores_a_perfect_parser_perfectly(gold_path: Path, seed: int, rate: float) -> None:
    """Whatever the engine read, a parser printing the carried gold keeps every read character
    once and finds every paragraph, heading and article."""
    raw, gold = _page(gold_path)
    parts, text = _parts(raw, random.Random(seed), rate)
    carried = carry_gold(raw, gold, parts, text)

    class Page:
        def read_text(self, encoding: str = "utf-8") -> str:
            return text

    m = scorer().score_page(Page(), carried, carried)
    assert m["conserve"], (m["lost"], m["extra"])
    assert m["hit_para"] == m["n_para"] and m["hit_head"] == m["n_head"] and m["hit_art"] == m["n_art"]
    assert m["true_head"] == m["n_out_head"]


@needs_gold
@pytest.mark.parametrize("gold_path", GOLD_PAGES)
def test_a_page_read_without_errors_keeps_its_gold(gold_path: Path) -> None:
    """Read exactly as printed (blank lines apart), every gold field comes back with its text."""
    raw, gold = _page(gold_path)
    lines = raw.split("\n")
    starts = [0]
    for x in lines:
        starts.append(starts[-1] + len(x) + 1)
    parts = [("\n".join(lines[a:b]), "\n".join(lines[a:b]), starts[a]) for a, b in chunks(lines, 40)]
    carried = carry_gold(raw, gold, parts, raw)
    for before, after in zip(gold["sections"], carried["sections"]):
        for key in ("kicker", "heading", "subheading", "byline", "paragraphs"):
            assert before.get(key) == after.get(key)


needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None or not Path(FONT[0]).exists() or not GOLD_PAGES,
    reason="needs tesseract (chi_sim), fonts-noto-cjk and ../shared",
)


def _first_sections(raw: str, gold: dict) -> tuple[str, list[dict]]:
    """The page's first 30 lines or more that hold whole sections, and those sections."""
    own = gold_positions(raw, gold)
    fields = list(_gold_fields(gold))
    section_of = {id(sec): k for k, sec in enumerate(gold["sections"])}
    where: dict[int, list[int]] = collections.defaultdict(list)
    for at, (f, _j) in own.items():
        where[section_of[id(fields[f][0])]].append(at)
    lines = raw.split("\n")
    for n in range(30, len(lines)):
        end = len("\n".join(lines[:n]))
        inside = [k for k, ats in where.items() if max(ats) < end]
        if inside and sum(len(where[k]) for k in inside) == sum(not c.isspace() for c in raw[:end]):
            return raw[:end] + "\n", [gold["sections"][k] for k in sorted(inside)]
    raise AssertionError("no cut between whole sections")


@pytest.mark.slow
@needs_tesseract
def test_pages_read_by_tesseract_score_their_carried_gold_perfectly(tmp_path: Path) -> None:
    """Two pages' first lines (1,500–3,000 characters) really read by Tesseract: the written set scores 1.0 for a parser
    that prints its carried gold, and the engine's text differs from the printed one (its own
    errors and blank lines)."""
    pytest.importorskip("PIL")
    src = tmp_path / "src"
    src.mkdir()
    cuts = {p: _first_sections(*_page(p)) for p in GOLD_PAGES}
    for gold_path in sorted(GOLD_PAGES, key=lambda p: len(cuts[p][0]))[:2]:  # the shortest two
        lines, sections = cuts[gold_path]
        name = f"{gold_path.parent.name}-{gold_path.name.replace('.gold.json', '')}"
        (src / f"{name}.txt").write_text(lines, encoding="utf-8")
        (src / f"{name}.gold.json").write_text(
            json.dumps({"sections": sections}, ensure_ascii=False), encoding="utf-8"
        )
    out = tmp_path / "read"
    build(src, out, Reader(tmp_path / "cache", 28, "mild"), first=2, jobs=1)
    assert check(out).startswith("para=1.000 head=1.000 headprec=1.000 article=1.000 conserve=2/2 spaces=0")
    read = [p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))]
    printed = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    assert read != printed


@st.composite
def printed_text(draw) -> str:
    """Lines of characters none of which repeats, a space here and there."""
    chars = draw(
        st.lists(
            st.one_of(
                st.characters(min_codepoint=0x4E00, max_codepoint=0x7FFF), st.sampled_from("，。：（）、“”")
            ),
            min_size=1,
            max_size=120,
            unique=True,
        )
    )
    seps = draw(st.lists(st.sampled_from(["", "", "", " ", "\n"]), min_size=len(chars), max_size=len(chars)))
    return "".join(c + s for c, s in zip(chars, seps[:-1] + [""]))


@settings(max_examples=200, deadline=None)
@given(printed_text(), st.integers(0, 10**6))
def test_real_noise_undone_kind_by_kind_gives_the_printed_text_back(printed: str, seed: int) -> None:
    """tools/real_ocr_noise.py's mixes: a read text with every kind of difference undone is the
    printed text; with every kind kept it is the read text as it was (text of few repeated
    characters, as a page's is: the alignment is then unambiguous)."""
    rng = random.Random(seed)
    swap = {"，": ",", "：": ":", "（": "〈", "、": "，"}
    seen = set(printed)

    def misread(c: str) -> str:
        # a mark misread, a look-alike; never a character the printed text holds elsewhere (、 read
        # as the ， printed beside it can be aligned either way: no reading undoes it uniquely)
        new = swap.get(c, chr(ord(c) + 0x1000) if c.isalpha() else c)
        return c if new in seen else new

    read = "".join(
        ("\n\n" if rng.random() < 0.3 else "\n")
        if c == "\n"
        else ("" if rng.random() < 0.5 else c)
        if c == " "
        else misread(c)
        if rng.random() < 0.3
        else c
        for c in printed
    )
    assert mixed(printed, read, 0, set()) == printed
    assert mixed(printed, read, 0, set(DIFF_KINDS)) == read


class _MadeUpReader:
    """Reads an image's lines as ``_misread`` does (no Tesseract): its own errors and blank lines."""

    indent = False  # the lines drawn as printed

    def __init__(self, seed: int, rate: float) -> None:
        self.rng, self.rate = random.Random(seed), rate

    def read(self, lines: list[str], seed: int) -> str:
        return _misread("\n".join(lines), self.rng, self.rate)


@needs_gold
@settings(max_examples=6, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0.0, 0.02, 0.1]))
def test_pages_written_without_blank_lines_keep_their_carried_gold(
    tmp_path_factory, seed: int, rate: float
) -> None:
    """--noblank (the held-out real pages come without blank lines): every page written, read and
    printed, has no blank line and every character it had, and a parser printing the carried gold
    still scores 1.0 on the read pages."""
    src = tmp_path_factory.mktemp("src")
    for p in GOLD_PAGES[:2]:
        raw, gold = _page(p)
        (src / f"{p.parent.name}.txt").write_text(raw, encoding="utf-8")
        (src / f"{p.parent.name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False), encoding="utf-8"
        )
    out = tmp_path_factory.mktemp("out")
    build(src, out / "read", _MadeUpReader(seed, rate), 2, 1, printed=out / "printed", noblank=True)
    assert check(out / "read").startswith("para=1.000 head=1.000 headprec=1.000 article=1.000 conserve=2/2")
    for folder in ("read", "printed"):
        texts = [p.read_text(encoding="utf-8") for p in sorted((out / folder).glob("*.txt"))]
        assert len(texts) == 2
        assert all("\n\n" not in t and not t.startswith("\n") for t in texts)
    for p in sorted(src.glob("*.txt")):
        printed = (out / "printed" / p.name).read_text(encoding="utf-8")
        assert _nonspace(printed) == _nonspace(p.read_text(encoding="utf-8"))
        assert [x for x in printed.split("\n") if x] == [
            x for x in p.read_text(encoding="utf-8").split("\n") if x.strip()
        ]
