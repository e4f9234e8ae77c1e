"""Library-wide search: trigram index for 3+ characters, LIKE for 1-2, hits with context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import models.parser
from models.library.search import CONTEXT
from models.library.service import Library
from models.section import HEAD_FIELDS, ParsedPage, Section
from models.text import MappedText


@pytest.fixture(scope="module")
def dev_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library.open(tmp_path_factory.mktemp("search") / "library.sqlite3")
    lib.import_paths([shared_path("data", "pages-dev")])
    yield lib
    lib.close()


def _texts(library: Library, page_id: int, section_ordinal: int, field: str, paragraph_ordinal: int | None):
    section = library.page(page_id).sections[section_ordinal]
    return section.paragraphs[paragraph_ordinal] if field == "paragraph" else getattr(section, field)


def _occurrences(library: Library, query: str) -> list[tuple[int, int, str, int | None, int]]:
    """(page, section, field, paragraph, offset) of every occurrence, found without SQL."""
    found = []
    for issue in library.issues():
        for info in library.pages(issue.id):
            for s_ordinal, section in enumerate(library.page(info.id).sections):
                texts = [(name, None, getattr(section, name)) for name in HEAD_FIELDS]
                texts += [("paragraph", p, text) for p, text in enumerate(section.paragraphs)]
                for name, p_ordinal, text in texts:
                    if text is None:
                        continue
                    for match in re.finditer(re.escape(query), text.text, re.IGNORECASE):
                        found.append((info.id, s_ordinal, name, p_ordinal, match.start()))
    return found


def _where(hit) -> tuple[int, int, str, int | None, int]:
    return (hit.page_id, hit.section_ordinal, hit.field, hit.paragraph_ordinal, hit.offset)


@pytest.mark.parametrize("query", ["春耕", "重要农产品", "农业", "春季农业生产"])
def test_search_finds_every_occurrence_with_its_context(dev_library: Library, query: str) -> None:
    hits = dev_library.search(query)
    expected = _occurrences(dev_library, query)
    assert len(expected) >= 1
    assert [_where(h) for h in hits] == expected  # all of them, in reading order
    for hit in hits:
        paragraph = _texts(dev_library, hit.page_id, hit.section_ordinal, hit.field, hit.paragraph_ordinal)
        assert hit.match == query == paragraph.text[hit.offset : hit.offset + hit.length]
        assert hit.context.strip("…") in paragraph.text
        assert query in hit.context
        assert 0 < len(hit.before.strip("…")) <= CONTEXT or hit.offset == 0
        assert hit.raw_offset == paragraph.source[hit.offset]


def test_a_query_that_is_nowhere_finds_nothing(dev_library: Library) -> None:
    assert dev_library.search("量子引力弦论") == []
    assert dev_library.search("   ") == []


@pytest.mark.parametrize("query", ['"春耕', "春耕 OR 农业", "农*", "NEAR(春 耕)", "%", "_", "\\"])
def test_query_syntax_characters_are_searched_literally(dev_library: Library, query: str) -> None:
    for hit in dev_library.search(query):
        assert hit.match.lower() == query.lower()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_any_paragraph_is_found_where_it_is(dev_library: Library, data: st.DataObject) -> None:
    issue = dev_library.issues()[0]
    info = data.draw(st.sampled_from(dev_library.pages(issue.id)))
    sections = [s for s in dev_library.page(info.id).sections if s.paragraphs]
    s_ordinal = data.draw(st.sampled_from(range(len(sections))))
    section = sections[s_ordinal]
    p_ordinal = data.draw(st.sampled_from(range(len(section.paragraphs))))
    text = section.paragraphs[p_ordinal].text
    length = data.draw(st.integers(min_value=1, max_value=min(6, len(text))))
    start = data.draw(st.integers(min_value=0, max_value=len(text) - length))
    query = text[start : start + length]
    if not query.strip() or query != query.strip():
        return
    hits = dev_library.search(query, limit=100_000)
    assert any(h.page_id == info.id and h.paragraph_ordinal == p_ordinal and h.match == query for h in hits)
    for hit in hits:
        assert hit.match.lower() == query.lower()


def _line_parser(raw: str) -> ParsedPage:
    """One paragraph per line, copied as is: offsets in these tests do not depend on the real parser."""
    sections, start = [], 0
    for line in raw.split("\n"):
        if line:
            sections.append(Section(paragraphs=[MappedText.from_raw(raw, start, start + len(line))]))
        start += len(line) + 1
    return ParsedPage(raw=raw, sections=sections)


def test_short_and_long_queries_with_astral_characters_and_latin_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    page = tmp_path / "page.txt"
    page.write_text("新款iPhone 15发布\n\n古籍中的𠀀字很少见，𠀀字\n在Unicode扩展B区。\n", encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.import_paths([page])
        two = library.search("𠀀字")
        assert [(h.offset, h.match) for h in two] == [(4, "𠀀字"), (10, "𠀀字")]
        assert two[0].before == "古籍中的" and two[0].after.startswith("很少见")
        five = library.search("中的𠀀字很")
        assert [(h.offset, h.length) for h in five] == [(2, 5)]
        assert [h.match for h in library.search("iphone 15")] == ["iPhone 15"]
        assert [h.match for h in library.search("b区")] == ["B区"]
        one = library.search("𠀀")
        assert len(one) == 2
        content = library.page(one[0].page_id)
        assert content.raw[one[0].raw_offset] == "𠀀"


def _headed_parser(raw: str) -> ParsedPage:
    """First line the heading, the rest one paragraph per line."""
    lines = raw.split("\n")
    section = Section(heading=MappedText.from_raw(raw, 0, len(lines[0])))
    start = len(lines[0]) + 1
    for line in lines[1:]:
        if line:
            section.paragraphs.append(MappedText.from_raw(raw, start, start + len(line)))
        start += len(line) + 1
    return ParsedPage(raw=raw, sections=[section])


@pytest.mark.parametrize("query", ["农业", "春季农业生产"])
def test_headings_are_found_before_the_paragraphs_under_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    monkeypatch.setattr(models.parser, "parse_page", _headed_parser)
    page = tmp_path / "page.txt"
    raw = "扎实抓好春季农业生产\n各地抓好春季农业生产。\n"
    page.write_text(raw, encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.import_paths([page])
        hits = library.search(query)
        assert [(h.field, h.paragraph_ordinal) for h in hits] == [("heading", None), ("paragraph", 0)]
        assert [raw[h.raw_offset : h.raw_offset + len(query)] for h in hits] == [query, query]
        assert hits[0].section_title == "扎实抓好春季农业生产"
