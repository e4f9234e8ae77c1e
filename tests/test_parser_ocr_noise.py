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


def test_an_o_beside_a_chinese_numeral_is_no_full_stop() -> None:
    """OCR reads 〇 as o: inside a date written in Chinese numerals it is no sentence's end."""
    assert ocr_read("二o一六年十一月") == "二o一六年十一月"
    assert ocr_read("二o二o年") == "二o二o年"
    assert ocr_read("他们来了o") == "他们来了。"


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="〇零一二三四五六七八九十百千", min_size=1, max_size=3),
    st.text(alphabet="年月日号", max_size=1),
)
def test_an_o_inside_a_chinese_number_stays(digits: str, unit: str) -> None:
    text = digits + "o" + digits + unit
    assert ocr_read(text)[len(digits)] == "o"


def _body(n: int) -> list[str]:
    """A paragraph of ``n`` full lines (the page's own column width) without a sentence's end."""
    line = "各地持续推进复工复产工作有关部门加强协调保障企业用工需求"
    return ["　　" + line[2:]] + [line] * (n - 1)


def _other_texts(raw: str) -> list[str]:
    """What the page sets aside as furniture, without white space."""
    return [
        "".join(p.text.split()) for s in parse_page(raw).sections if s.kind == "other" for p in s.paragraphs
    ]


#: Shapes of running headers and page numbers that real papers print and that neither the
#: furniture the parser was written beside nor its templates hold (the reviewer's list).
HELD_OUT_HEADERS = [
    "2020.02.07 综合 03",
    "03 综合 2020.02.07",
    "A3 要闻",
    "3/要闻",
    "要闻 2020年2月7日",
    "责任编辑：张三",
]
HELD_OUT_FOOTERS = ["第3页 共12页", "3/24", "B02", "北京日报第3版", "A03  解放日报  2020-02-07"]


@pytest.mark.parametrize("header", HELD_OUT_HEADERS)
def test_held_out_running_headers_are_set_aside(header: str) -> None:
    raw = "\n".join([header, "", "复工复产有序推进", ""] + _body(4) + ["各项工作取得积极进展。"]) + "\n"
    assert _other_texts(raw) == ["".join(header.split())]
    check_conserved(raw)


@pytest.mark.parametrize("footer", HELD_OUT_FOOTERS)
def test_held_out_page_numbers_are_set_aside(footer: str) -> None:
    raw = "\n".join(["复工复产有序推进", ""] + _body(4) + ["各项工作取得积极进展。", "", footer]) + "\n"
    assert _other_texts(raw) == ["".join(footer.split())]


#: Lines at a page's edge that only look like furniture: a numbered subheading, a body line cut
#: in the pages' digit-spacing style (6 日以来, 28 日电), a date closing a notice.
digit_spaced = st.builds(
    lambda n, unit, rest: f"{n} {unit}{rest}",
    st.integers(1, 31),
    st.sampled_from("日月年时个名家万"),
    st.text(alphabet="以来电起前后内外开始举行召开", min_size=0, max_size=3),
)
numbered = st.builds(
    lambda n, word: f"{n} {word}", st.integers(1, 9), st.sampled_from(["坚持", "问题", "做法", "成效"])
)
look_alike = st.one_of(digit_spaced, numbered, st.sampled_from(["附件 2", "2020年2月12日"]))


@settings(max_examples=60, deadline=None)
@given(look_alike, st.integers(1, 4))
def test_lines_that_only_look_like_furniture_stay_in_their_article(line: str, n: int) -> None:
    """At the page's end, after a body line that runs on into it, and at its top: the line
    stays text (no section of its own), its characters in the page's one article."""
    end = "\n".join(["复工复产有序推进", ""] + _body(n) + [line]) + "\n"
    top = "\n".join([line] + _body(n) + ["各项工作取得积极进展。"]) + "\n"
    for raw in (end, top):
        assert _other_texts(raw) == []
        check_conserved(raw)
    sections = parse_page(end).sections
    assert [s.kind for s in sections] == ["article"]
    assert "".join(sections[0].paragraphs[-1].text.split()).endswith("".join(line.split()))


def _articles() -> list[dict]:
    from tools.relayout import load_articles

    return load_articles() if GOLD_PAGES else []


ARTICLES = _articles()


@needs_gold
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 6), st.booleans())
def test_pages_with_tesseract_blank_lines_keep_every_character_once(seed: int, n: int, engine: bool) -> None:
    """Gold articles laid out with a blank line where Tesseract prints one (after most
    paragraphs' last line, some first lines), column or engine layouts: every character once."""
    import random

    from tools.relayout import lay_out_page

    rng = random.Random(seed)
    page = lay_out_page(rng.sample(ARTICLES, n), rng, engine=engine, tesseract=1.0)
    check_conserved(page.raw)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(line_text, min_size=1, max_size=5), st.booleans(), st.booleans()), max_size=20
    )
)
def test_paragraphs_with_blank_lines_after_them_keep_every_character_once(
    paragraphs: list[tuple[list[str], bool, bool]],
) -> None:
    """Runs of lines each closed by a sentence's end, a blank line after most of them and
    after some first lines (Tesseract's pattern) in any text: every character once."""
    rows: list[str] = []
    for lines, blank_first, blank_end in paragraphs:
        body = [*lines[:-1], lines[-1] + "。"]
        rows.append(body[0])
        if blank_first and len(body) > 1:
            rows.append("")
        rows += body[1:]
        if blank_end:
            rows.append("")
    check_conserved("\n".join(rows))


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="needs ../shared")
@settings(max_examples=40, deadline=None)
@given(st.integers(30, 80), st.sampled_from(["", "\u3000\u3000"]), st.booleans(), st.integers(0, 10**6))
def test_a_clean_page_with_a_blank_line_after_every_paragraph_keeps_its_blank_lines(
    width: int, indent: str, titles_apart: bool, seed: int
) -> None:
    """The seed page's articles as a text file or a PDF's text lays them out (each paragraph
    wrapped at 30-80, opened with two ideographic spaces or not, a blank line after it; titles
    set apart by a blank line or not): none of its blank lines is Tesseract's, so the page
    reads as it does with the model of Tesseract's blank lines off (not without them)."""
    import random

    from models.parser import article_model
    from tools.relayout import TITLE_FIELDS, wrap

    rng = random.Random(seed)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    sections = []
    for sec in gold["sections"]:
        rows = [sec[k] for k in (*TITLE_FIELDS, "byline") if sec.get(k)]
        if titles_apart and rows:
            rows.append("")
        for para in sec.get("paragraphs") or []:
            rows += [*wrap(indent + para, width, 0, rng, 0.0), ""]
        sections.append("\n".join(rows).rstrip("\n"))
    raw = "\n\n".join(s for s in sections if s) + "\n"
    shipped = parse_page(raw).to_json()
    article_model.set_ocr_model({})
    try:
        without_model = parse_page(raw).to_json()
    finally:
        article_model.set_ocr_model(None)
    assert shipped == without_model


@needs_gold
@settings(max_examples=20, deadline=None)
@given(st.sampled_from(GOLD_PAGES or [Path()]), st.integers(0, 10**6))
def test_tesseracts_noise_keeps_the_lines_and_the_gold_follows(gold_path: Path, seed: int) -> None:
    """ocr_noise.py's ``tesseract`` (the training pages read as Tesseract printed the dev pages):
    one read line for each printed line, a letter-spaced line read without its spaces, and the
    gold changed as the text was, so that it still holds every character once."""
    from models.parser.lines import is_letter_spaced
    from tools.structure_score import scorer

    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    noisy, carried = noisy_page(raw, gold, ("tesseract",), seed)
    assert noisy != raw
    printed_lines, read_lines = raw.split("\n"), noisy.split("\n")
    assert len(read_lines) == len(printed_lines)
    for printed, read in zip(printed_lines, read_lines):
        assert bool(printed.strip()) == bool(read.strip())
        if is_letter_spaced(printed):
            assert " " not in read.strip()

    class Page:
        def read_text(self, encoding: str = "utf-8") -> str:
            return noisy

    m = scorer().score_page(Page(), carried, carried)
    assert m["conserve"] and m["hit_art"] == m["n_art"] and m["hit_para"] == m["n_para"]
