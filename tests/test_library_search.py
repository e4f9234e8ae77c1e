"""Library-wide search through the character index: every hit a plain find would give, in order,
on the corrected text or the raw OCR text, forms folded (full/half width, traditional/simplified)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import models.parser
from models.annotations.texts import section_text
from models.library.search import CONTEXT
from models.library.search_folding import fold
from models.library.service import Library
from models.section import ParsedPage, Section
from models.text import MappedText

Where = tuple[int, int, "int | None", int, int]


@pytest.fixture(scope="module")
def dev_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library.open(tmp_path_factory.mktemp("search") / "library.sqlite3")
    lib.import_paths([shared_path("data", "pages-dev")])
    yield lib
    lib.close()


def _starts(text: str, query: str) -> list[int]:
    """Where a plain left-to-right find puts ``query`` in ``text``, forms folded, not overlapping."""
    text, query = fold(text), fold(query)
    found, position = [], text.find(query)
    while position >= 0:
        found.append(position)
        position = text.find(query, position + len(query))
    return found


def _texts(library: Library, raw: bool) -> Iterator[tuple[int, int, int | None, str]]:
    """(issue, page, section, text) of every text search covers, read without the index."""
    for issue in library.issues():
        for info in library.pages(issue.id):
            content = library.page(info.id)
            if raw:
                yield issue.id, info.id, None, content.raw
                continue
            for index, section in enumerate(content.current_sections):
                yield issue.id, info.id, index, section_text(section)


def _expected(library: Library, query: str, raw: bool = False) -> list[Where]:
    found = [
        (issue, page, section, start, start + len(query.strip()))
        for issue, page, section, text in _texts(library, raw)
        for start in _starts(text, query.strip())
    ]
    return sorted(found, key=lambda w: (w[0], w[1], -1 if w[2] is None else w[2], w[3]))


def _where(hits) -> list[Where]:
    return [(h.issue_id, h.page_id, h.section, h.start, h.end) for h in hits]


@pytest.mark.parametrize("query", ["的", "春耕", "农业", "重要农产品", "春季农业生产", "，", "2020"])
def test_search_finds_what_a_plain_find_finds_in_the_current_text(dev_library: Library, query: str) -> None:
    hits = dev_library.search(query, limit=100_000)
    expected = _expected(dev_library, query)
    assert expected
    assert _where(hits) == expected  # every one, sorted by issue, page, section, start
    for hit in hits:
        content = dev_library.page(hit.page_id)
        text = section_text(content.current_sections[hit.section])
        assert hit.match == text[hit.start : hit.end]
        assert fold(hit.match) == fold(query)
        assert (
            hit.before == ("…" if hit.start > CONTEXT else "") + text[max(0, hit.start - CONTEXT) : hit.start]
        )
        assert hit.after.startswith(text[hit.end : hit.end + CONTEXT])
        assert content.raw[hit.raw_offset] == hit.match[0] or fold(content.raw[hit.raw_offset]) == fold(
            hit.match[0]
        )


@pytest.mark.parametrize("query", ["的", "春耕", "春季农业生产"])
def test_raw_search_finds_what_a_plain_find_finds_in_the_raw_text(dev_library: Library, query: str) -> None:
    hits = dev_library.search(query, limit=100_000, raw=True)
    assert _where(hits) == _expected(dev_library, query, raw=True)
    for hit in hits:
        assert hit.section is None and hit.raw_offset == hit.start
        assert dev_library.page(hit.page_id).raw[hit.start : hit.end] == hit.match


def test_hits_come_in_pages_of_limit_from_offset(dev_library: Library) -> None:
    every = _where(dev_library.search("的", limit=100_000))
    assert len(every) > 250
    assert _where(dev_library.search("的", limit=100)) == every[:100]
    assert _where(dev_library.search("的", limit=7, offset=93)) == every[93:100]
    assert _where(dev_library.search("的", limit=50, offset=len(every) - 20)) == every[-20:]
    assert dev_library.search("的", limit=0) == []


def test_a_query_that_is_nowhere_finds_nothing(dev_library: Library) -> None:
    assert dev_library.search("量子引力弦论") == []
    assert dev_library.search("囧") == []
    assert dev_library.search("   ") == []


@pytest.mark.parametrize("query", ['"春耕', "春耕 OR 农业", "农*", "NEAR(春 耕)", "%", "_", "\\", "'"])
def test_query_syntax_characters_are_searched_literally(dev_library: Library, query: str) -> None:
    assert _where(dev_library.search(query, limit=100_000)) == _expected(dev_library, query)


def _line_parser(raw: str) -> ParsedPage:
    """One section per line, copied as is: offsets in these tests do not depend on the real parser."""
    sections, start = [], 0
    for line in raw.split("\n"):
        if line:
            sections.append(Section(paragraphs=[MappedText.from_raw(raw, start, start + len(line))]))
        start += len(line) + 1
    return ParsedPage(raw=raw, sections=sections)


def _headed_parser(raw: str) -> ParsedPage:
    """One section: the first line its heading, the others its paragraphs."""
    lines = raw.split("\n")
    section = Section(heading=MappedText.from_raw(raw, 0, len(lines[0])))
    start = len(lines[0]) + 1
    for line in lines[1:]:
        if line:
            section.paragraphs.append(MappedText.from_raw(raw, start, start + len(line)))
        start += len(line) + 1
    return ParsedPage(raw=raw, sections=[section])


def _one_page(tmp_path: Path, raw: str, name: str = "page.txt") -> tuple[Library, int]:
    page = tmp_path / name
    page.write_text(raw, encoding="utf-8")
    library = Library.open(tmp_path / "library.sqlite3")
    report = library.import_paths([page])
    return library, report.page_ids[0]


def test_one_and_two_characters_astral_characters_and_latin_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    library, _ = _one_page(tmp_path, "新款iPhone 15发布\n\n古籍中的𠀀字很少见，𠀀字\n在Unicode扩展B区。\n")
    with library:
        two = library.search("𠀀字")
        assert [(h.section, h.start, h.match) for h in two] == [(1, 4, "𠀀字"), (1, 10, "𠀀字")]
        assert two[0].before == "古籍中的" and two[0].after.startswith("很少见")
        assert [(h.section, h.start) for h in library.search("𠀀")] == [(1, 4), (1, 10)]
        assert [(h.start, h.end) for h in library.search("中的𠀀字很")] == [(2, 7)]
        assert [h.match for h in library.search("iphone 15")] == ["iPhone 15"]
        assert [h.match for h in library.search("b区")] == ["B区"]
        assert [h.match for h in library.search("i")] == ["i", "i"]  # iPhone, Unicode
        one = library.search("𠀀", raw=True)
        assert [h.start for h in one] == [
            len("新款iPhone 15发布\n\n古籍中的"),
            len("新款iPhone 15发布\n\n古籍中的𠀀字很少见，"),
        ]


def test_full_and_half_width_forms_find_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    library, _ = _one_page(tmp_path, "ＧＤＰ增长６．１％，好于预期\nGDP增长6.1%,好于预期\n")
    with library:
        for query in ("ＧＤＰ增长６．１％，", "gdp增长6.1%,", "ｇｄｐ"):
            assert [h.section for h in library.search(query)] == [0, 1], query
        hit = library.search("6.1%")[0]
        assert (hit.start, hit.end, hit.match) == (5, 9, "６．１％")  # offsets of the text as it is


def test_traditional_and_simplified_characters_find_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    library, _ = _one_page(tmp_path, "臺灣經濟發展迅速\n台湾经济发展迅速\n頭髮\n")
    with library:
        assert [h.section for h in library.search("台湾经济发展")] == [0, 1]
        assert [h.section for h in library.search("臺灣經濟發展")] == [0, 1]
        assert [h.match for h in library.search("发")] == ["發", "发", "髮"]
        assert [h.match for h in library.search("發", raw=True)] == ["發", "发", "髮"]


def test_a_correction_changes_what_the_current_text_search_finds_not_the_raw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    raw = "各地春耕备耕正有序开展\n农业生产入冬\n"
    library, page_id = _one_page(tmp_path, raw)
    with library:
        assert library.search("人冬") == []
        start = raw.index("入冬")
        library.add_correction(page_id, start, start + 1, "人")  # the OCR read 入; the editor fixes it
        hits = library.search("人冬")
        assert [(h.section, h.start, h.match, h.corrected) for h in hits] == [(1, 4, "人冬", True)]
        assert hits[0].raw_offset == start
        assert library.search("入冬") == []
        assert [(h.start, h.match) for h in library.search("入冬", raw=True)] == [(start, "入冬")]
        assert library.search("人冬", raw=True) == []
        untouched = library.search("春耕")
        assert [(h.section, h.corrected) for h in untouched] == [(0, False)]
        assert [h.corrected for h in library.search("生产")] == [False]  # beside the correction, not on it
        # A correction that lengthens a word moves the offsets after it.
        library.add_correction(page_id, raw.index("各地"), raw.index("各地") + 2, "全国各地")
        assert [(h.section, h.start) for h in library.search("备耕")] == [(0, 6)]
        assert [h.corrected for h in library.search("国各")] == [True]


def test_an_inserted_word_is_found_and_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    raw = "春耕开展\n"
    library, page_id = _one_page(tmp_path, raw)
    with library:
        library.add_correction(page_id, 2, 2, "备耕")
        hits = library.search("春耕备耕开展")
        assert [(h.start, h.end, h.corrected) for h in hits] == [(0, 6, True)]
        assert [h.corrected for h in library.search("开展")] == [False]
        assert [h.corrected for h in library.search("耕备")] == [True]


def test_the_index_follows_a_reparse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    raw = "扎实抓好春季农业生产\n各地抓好春季农业生产。\n"
    library, page_id = _one_page(tmp_path, raw)
    with library:
        assert [(h.section, h.start) for h in library.search("农业")] == [(0, 6), (1, 6)]
        monkeypatch.setattr(models.parser, "parse_page", _headed_parser)
        library.reparse_page(page_id)
        hits = library.search("农业")
        assert [(h.section, h.start) for h in hits] == [
            (0, 6),
            (0, 11 + 6),
        ]  # one section: heading \n paragraph
        assert hits[0].section_title == "扎实抓好春季农业生产"
        assert [raw[h.raw_offset : h.raw_offset + 2] for h in hits] == ["农业", "农业"]


def test_deleting_an_issue_takes_its_hits_out_of_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    library, page_id = _one_page(tmp_path, "第二段落\n")
    with library:
        issue_id = library.page_info(page_id).issue_id
        assert library.search("二段") and library.search("段", raw=True)
        library.delete_issue(issue_id)
        assert library.search("二段") == [] and library.search("段", raw=True) == []
        removed = library.database.execute_sql('SELECT count(*) FROM "search_removed"').fetchone()[0]
        assert removed == 0
        # A new page that takes the same ids is found alone, without the old page's words.
        library.import_paths([_write(tmp_path / "again.txt", "另一页\n")])
        assert library.search("二段") == [] and [h.match for h in library.search("一页")] == ["一页"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_search_keeps_to_one_issue_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    with Library.open(tmp_path / "library.sqlite3") as library:
        first = library.import_paths([_write(tmp_path / "a.txt", "春耕开始\n")]).issue_ids[0]
        second = library.import_paths([_write(tmp_path / "b.txt", "春耕结束\n")]).issue_ids[0]
        assert [h.issue_id for h in library.search("春耕")] == [first, second]
        assert [h.match + h.after for h in library.search("春耕", issue=second)] == ["春耕结束"]
        assert [h.issue_id for h in library.search("春耕", issue=first, raw=True)] == [first]


# Characters that fold into each other, astral ones, Latin case and punctuation.
_ALPHABET = st.sampled_from(list("的发發展台臺aAａＡ，,𠀀 。"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(st.text(_ALPHABET, min_size=1, max_size=30), min_size=1, max_size=4),
    query=st.text(_ALPHABET, min_size=1, max_size=4),
    edit=st.tuples(st.integers(0, 200), st.integers(0, 3), st.text(_ALPHABET, max_size=3)),
)
def test_index_search_is_a_plain_find_over_the_current_and_raw_texts(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, lines, query, edit
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    raw = "\n".join(line.replace("\n", "") for line in lines) + "\n"
    if not query.strip() or not raw.strip():
        return  # nothing to find; a page of nothing but spaces is refused on import
    library, page_id = _one_page(tmp_path_factory.mktemp("random"), raw)
    with library:
        start, length, replacement = edit
        start = min(start, len(raw) - 1)
        end = min(start + length, len(raw))
        if end > start or replacement:
            library.add_correction(page_id, start, end, replacement)
        assert _where(library.search(query, limit=10_000)) == _expected(library, query)
        assert _where(library.search(query, limit=10_000, raw=True)) == _expected(library, query, raw=True)
