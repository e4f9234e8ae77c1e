"""A page file opened again shows from its kept parse: the same sections, every character mapped to
the same raw offset, and the parser is not run (nor loaded) for it; anything wrong with the kept
entry means the page is parsed again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import models.parser
from models import parsed_pages
from models.parsed_pages import parse_cached, parser_version

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-page.txt"


def _shape(page) -> list:
    return [
        (s.kind, [(t.text, list(t.source)) for t in s.all_texts()], [p.text for p in s.paragraphs])
        for s in page.sections
    ]


def _no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(raw: str):
        raise AssertionError("the parser ran for a page it had parsed before")

    monkeypatch.setattr(models.parser, "parse_page", refuse)


def test_a_page_read_again_shows_the_same_sections_without_parsing(tmp_path, monkeypatch):
    raw = SAMPLE.read_text(encoding="utf-8")
    fresh = models.parser.parse_page(raw)
    first = parse_cached(raw, tmp_path)
    assert _shape(first) == _shape(fresh)
    _no_parser(monkeypatch)
    again = parse_cached(raw, tmp_path)
    assert again.raw == raw
    assert _shape(again) == _shape(fresh)
    assert [s.title for s in again.sections] == [s.title for s in fresh.sections]


def test_a_damaged_or_foreign_entry_is_parsed_again(tmp_path):
    raw = SAMPLE.read_text(encoding="utf-8")
    expected = _shape(models.parser.parse_page(raw))
    parse_cached(raw, tmp_path)
    (entry,) = [p for p in tmp_path.glob("*.json") if p.name != "parser-version.json"]
    for damage in (
        "{not json",
        json.dumps({"sections": [{"kind": "article", "paragraphs": [["x", [[10**7, 1]]]]}]}),
    ):
        entry.write_text(damage, encoding="utf-8")
        assert _shape(parse_cached(raw, tmp_path)) == expected


def test_another_parser_does_not_read_the_entries_of_this_one(tmp_path, monkeypatch):
    raw = SAMPLE.read_text(encoding="utf-8")
    parse_cached(raw, tmp_path)
    monkeypatch.setattr(parsed_pages, "parser_key", lambda: "ff" * 16)  # the parser's files changed
    ran = []
    real = models.parser.parse_page
    monkeypatch.setattr(models.parser, "parse_page", lambda text: ran.append(1) or real(text))
    parse_cached(raw, tmp_path)
    assert ran == [1]


def test_a_folder_that_cannot_be_written_still_shows_the_page(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    raw = SAMPLE.read_text(encoding="utf-8")
    assert _shape(parse_cached(raw, blocked / "parsed")) == _shape(models.parser.parse_page(raw))


def test_only_the_pages_used_last_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_pages, "KEEP", 3)
    for n in range(6):
        parse_cached(f"第{n}版\n\n本报讯 今天是第{n}天。\n", tmp_path)
    assert len([p for p in tmp_path.glob("*.json") if p.name != "parser-version.json"]) == 3


def test_a_library_page_is_checked_against_the_kept_version_without_loading_the_parser(tmp_path, monkeypatch):
    import sys

    real = models.parser.PARSER_VERSION
    parsed_pages.keep_version(tmp_path / "parser-version.json", real)
    monkeypatch.delitem(sys.modules, "models.parser")  # as at start-up: not loaded
    assert parser_version(tmp_path) == real
    assert "models.parser" not in sys.modules


def test_a_loaded_parser_is_asked_and_other_parser_files_find_nothing_kept(tmp_path, monkeypatch):
    kept = tmp_path / "parser-version.json"
    parsed_pages.keep_version(kept, "an older parser")
    assert parsed_pages.kept_version(kept) == "an older parser"
    assert parser_version(tmp_path) == models.parser.PARSER_VERSION
    monkeypatch.setattr(models.parser, "PARSER_VERSION", "a newer parser")
    assert parser_version(tmp_path) == "a newer parser"
    monkeypatch.setattr(parsed_pages, "parser_key", lambda: "ee" * 16)  # the parser's files changed
    assert parsed_pages.kept_version(kept) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(alphabet="本报讯今天的发展𠀀ab 12，。“”\n", min_size=0, max_size=40),
        min_size=1,
        max_size=6,
    )
)
def test_kept_pages_come_back_as_parsed(tmp_path, blocks):
    raw = "\n\n".join(blocks)
    folder = tmp_path / str(abs(hash(raw)))
    parsed = models.parser.parse_page(raw)
    parse_cached(raw, folder)
    again = parse_cached(raw, folder)
    assert _shape(again) == _shape(parsed)
    for section in again.sections:
        for text in section.all_texts():
            assert all(0 <= offset < len(raw) for offset in text.source)


def test_the_shipped_parse_of_the_sample_page_is_the_current_parsers(tmp_path):
    # A first start shows the sample page from resources/parsed-pages: it must be what the parser
    # makes of it now, else the app silently shows an older reading (or parses it: slow start).
    raw = SAMPLE.read_text(encoding="utf-8")
    shipped = parsed_pages.shipped_folder() / parsed_pages.entry_name(raw)
    assert shipped.is_file(), "the parser changed: run tools/keep_bundled_parses.py and commit its file"
    stored = json.loads(shipped.read_text(encoding="utf-8"))
    fresh = models.parser.parse_page(raw)
    assert stored == json.loads(json.dumps(parsed_pages.to_json(fresh))), (
        "the shipped parse is not the parser's: run tools/keep_bundled_parses.py and commit its file"
    )
    left = {p.name for p in parsed_pages.shipped_folder().glob("*.json")} - {shipped.name}
    assert not left, f"entries of an older parser are shipped: {left} (tools/keep_bundled_parses.py)"


def test_a_first_start_shows_the_sample_page_from_the_shipped_parse_without_the_parser(tmp_path, monkeypatch):
    raw = SAMPLE.read_text(encoding="utf-8")
    expected = _shape(models.parser.parse_page(raw))
    _no_parser(monkeypatch)
    page = parse_cached(raw, tmp_path / "empty", parsed_pages.shipped_folder())  # nothing kept yet
    assert page.raw == raw and _shape(page) == expected


def test_a_damaged_or_older_shipped_parse_is_parsed_again(tmp_path, monkeypatch):
    raw = SAMPLE.read_text(encoding="utf-8")
    expected = _shape(models.parser.parse_page(raw))
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    good = (parsed_pages.shipped_folder() / parsed_pages.entry_name(raw)).read_text(encoding="utf-8")
    for damage in (
        "{not json",
        '{"sections": [{"kind": "article", "paragraphs": [["x", [[99999999, 1]]]]}]}',
        "[]",
    ):
        (shipped / parsed_pages.entry_name(raw)).write_text(damage, encoding="utf-8")
        assert _shape(parse_cached(raw, None, shipped)) == expected
    (shipped / parsed_pages.entry_name(raw)).write_text(good, encoding="utf-8")
    monkeypatch.setattr(parsed_pages, "parser_key", lambda: "dd" * 16)  # the parser's files changed since
    ran = []
    real = models.parser.parse_page
    monkeypatch.setattr(models.parser, "parse_page", lambda text: ran.append(1) or real(text))
    assert _shape(parse_cached(raw, None, shipped)) == expected and ran == [1]
