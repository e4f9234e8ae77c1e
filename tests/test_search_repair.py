"""A search index made by a version that indexed no-op corrections ("狠 → 狠") as corrections
corrects itself when the library is next opened: search no longer marks their place ✎."""

from __future__ import annotations

from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, library_with_pages

from models.annotations.texts import section_text
from models.library import search_index, search_repair
from models.library.corrections import Edit, correct_sections
from models.library.schema import utc_now
from models.library.service import Library

pytestmark = pytest.mark.engines

ASTRAL = TWO_ARTICLES.replace("狠抓", "𠀀狠抓")


def _marked(library: Library, words: str) -> list[bool]:
    return [hit.corrected for hit in library.search(words)]


def _index_as_an_older_version_did(tmp_path: Path) -> tuple[Path, int]:
    """A library whose index marks a no-op correction (狠 → 狠, after an astral character) as
    corrected, beside a real one (总 → 整), as versions before the fix indexed them."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", ASTRAL))
    path = tmp_path / "library.sqlite3"
    try:
        content = library.page(page_id)
        raw = content.raw
        noop, real = raw.index("狠抓"), raw.index("总体")
        conn = library.database.connection()
        rows = [(noop, noop + 1, "狠", "u-noop"), (real, real + 1, "整", "u-real")]
        with library.database.atomic():
            for start, end, text, uid in rows:
                conn.execute(
                    'INSERT INTO "correction" ("page_id", "raw_start", "raw_end", "replacement", "author",'
                    ' "created", "state", "uuid", "page_version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
                    (page_id, start, end, text, "old editor", utc_now(), "in_force", uid),
                )
            # The older version's index: both corrections taken as edits, the no-op marked.
            edits = [Edit(start, end, text) for start, end, text, _uid in rows]
            current = correct_sections(content.sections, edits, len(raw))
            entries = search_index.current_entries(content.sections, current, edits)
            search_index.replace_sections(conn, content.info.issue_id, page_id, entries)
            conn.execute('DELETE FROM "search_meta" WHERE "name" = ?', (search_repair.NOTE,))
        assert _marked(library, "狠抓") == [True]  # what editors saw: a ✎ where nobody changed a thing
    finally:
        library.close()
    return path, page_id


def test_opening_the_library_indexes_the_no_op_corrections_pages_again(tmp_path: Path) -> None:
    path, page_id = _index_as_an_older_version_did(tmp_path)
    with Library.open(path) as library:
        assert _marked(library, "狠抓") == [False]
        assert _marked(library, "整体") == [True]  # the real correction keeps its mark
        assert _marked(library, "𠀀狠") == [False]
        hit = library.search("狠抓")[0]
        text = section_text(library.page(page_id).current_sections[hit.section])
        assert text[hit.start : hit.end] == "狠抓"  # offsets in code points, after 𠀀
        conn = library.database.connection()
        assert search_repair.is_cleared(conn)
        # Done once: the next opening reads no page again.
        reread: list[int] = []
        with library.database.atomic():
            conn.execute('DELETE FROM "search_meta" WHERE "name" = ?', (search_repair.NOTE,))
            assert search_repair.clear_noop_marks(
                conn, lambda p: (reread.append(p), library._indexed_page(p))[1]
            )
        assert reread == [page_id]  # only the page holding the no-op
    with Library.open(path) as library:
        assert _marked(library, "狠抓") == [False] and _marked(library, "整体") == [True]


def test_a_new_library_notes_its_index_right_from_the_start(tmp_path: Path) -> None:
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", ASTRAL))
    try:
        conn = library.database.connection()
        assert search_repair.is_cleared(conn)
        assert search_repair.pages_to_index_again(conn) == []
        library.correct(page_id, 1, 0, 0, "补")
        assert search_repair.pages_to_index_again(conn) == []  # a real correction is no no-op
    finally:
        library.close()
