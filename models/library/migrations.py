"""Schema versions of the library and the steps between them.

``PRAGMA user_version`` holds the version of a library file. ``MIGRATIONS[n]`` turns a
version-``n`` file into version ``n + 1``; a new file runs every step from 0, so new and
upgraded libraries have exactly the same shape. The SQL of a step is frozen once released:
a later change is a new step, never an edit of an old one.

- v1: issues, pages, sections, paragraphs (text + source map), and the annotation tables
  (category, highlight, tag, highlight_tag, note, reading_override, vocabulary_entry).
- v2: paragraph raw spans (``raw_start``/``raw_end``, filled from the source maps), the
  correction layer, and FTS5 trigram indexes over paragraph text (``paragraph_fts``) and
  section heads (``section_fts``: kicker, heading, subheading, byline), kept in sync by
  triggers.
- v3: proofreading. Edit batches; corrections get a batch, a state (``in_force`` /
  ``reverted``), the time they were reverted and a uuid (W3C exchange); structure edits keyed
  by raw offsets; page status (``unchecked`` / ``in_progress`` / ``done``); the library's
  word list and remembered flag dismissals for the checker.
- v4: ``page_image``: a page's scan (PNG, JPEG or TIFF bytes, a PDF page rendered to PNG), one
  per page, deleted with its page.
- v5: the search index (models.library.search_index): every section's current text and
  every page's raw text, by character and by pair of characters, in order of issue, page
  and section. The step makes the tables; ``Library.open`` fills them from the pages already
  there (through ``Library.page``, so structure edits and corrections in force count). It replaces v2's trigram indexes
  (``paragraph_fts``, ``section_fts``), which could not find one or two characters.
- v6: indexes of pages by issue and status, and by issue and place, so that listing the
  library (the panel's issues with their progress, the pages in order) reads no page text.
- v7: several writers (issue 13). Version columns: a page's ``version`` counts the steps that
  edited its text or structure, and each correction and structure edit records the page
  version that last wrote it (``page_version``), so a correction made on an older view of
  the page is checked against what changed since on the same span; a highlight's
  ``version`` and ``author`` (who last changed it), and ``highlight_revision``, every saved
  state of a highlight and each refused (conflicting) one, with author and time. And
  ``page_assignment``: which editor proofreads a page, who assigned it and when.
- v8: a flag dismissal's surroundings (``class_before``, ``class_after``): the classes of the
  characters around a dismissed punctuation or space flag in the block text the window showed,
  taken when it was dismissed (models.proofreading.checker_knowledge.character_class). Rows of
  earlier versions have none (NULL): their dismissal weighs less wherever the text stands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from models.library import sourcemap

Step = Callable[[sqlite3.Connection], None]

_V1_TABLES = """
CREATE TABLE "issue" ("id" INTEGER NOT NULL PRIMARY KEY, "paper" TEXT NOT NULL, "date" TEXT,
  "page_count" INTEGER, "title" TEXT NOT NULL, "source_path" TEXT, "created" DATETIME NOT NULL);
CREATE TABLE "page" ("id" INTEGER NOT NULL PRIMARY KEY, "issue_id" INTEGER NOT NULL, "number" INTEGER,
  "name" TEXT NOT NULL, "position" INTEGER NOT NULL, "source_path" TEXT, "raw_text" TEXT NOT NULL,
  "sha256" TEXT NOT NULL, "encoding" TEXT NOT NULL, "parser_version" TEXT NOT NULL,
  "created" DATETIME NOT NULL,
  FOREIGN KEY ("issue_id") REFERENCES "issue" ("id") ON DELETE CASCADE);
CREATE INDEX "page_issue_id" ON "page" ("issue_id");
CREATE UNIQUE INDEX "page_issue_id_sha256" ON "page" ("issue_id", "sha256");
CREATE INDEX "page_sha256" ON "page" ("sha256");
CREATE TABLE "section" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "ordinal" INTEGER NOT NULL, "kind" TEXT NOT NULL, "kicker" TEXT, "kicker_map" TEXT, "heading" TEXT,
  "heading_map" TEXT, "subheading" TEXT, "subheading_map" TEXT, "byline" TEXT, "byline_map" TEXT,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE INDEX "section_page_id" ON "section" ("page_id");
CREATE UNIQUE INDEX "section_page_id_ordinal" ON "section" ("page_id", "ordinal");
CREATE TABLE "paragraph" ("id" INTEGER NOT NULL PRIMARY KEY, "section_id" INTEGER NOT NULL,
  "ordinal" INTEGER NOT NULL, "text" TEXT NOT NULL, "source_map" TEXT NOT NULL,
  FOREIGN KEY ("section_id") REFERENCES "section" ("id") ON DELETE CASCADE);
CREATE INDEX "paragraph_section_id" ON "paragraph" ("section_id");
CREATE UNIQUE INDEX "paragraph_section_id_ordinal" ON "paragraph" ("section_id", "ordinal");
CREATE TABLE "category" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL,
  "light_colour" TEXT NOT NULL, "dark_colour" TEXT NOT NULL, "position" INTEGER NOT NULL);
CREATE UNIQUE INDEX "category_name" ON "category" ("name");
CREATE TABLE "highlight" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" TEXT NOT NULL,
  "page_id" INTEGER NOT NULL, "section_id" INTEGER, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
  "exact" TEXT NOT NULL, "prefix" TEXT NOT NULL, "suffix" TEXT NOT NULL, "text_hash" TEXT NOT NULL,
  "category_id" INTEGER NOT NULL, "created" DATETIME NOT NULL, "updated" DATETIME NOT NULL,
  "deleted" INTEGER NOT NULL, "anchor_state" TEXT NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("section_id") REFERENCES "section" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE RESTRICT);
CREATE UNIQUE INDEX "highlight_uuid" ON "highlight" ("uuid");
CREATE INDEX "highlight_page_id" ON "highlight" ("page_id");
CREATE INDEX "highlight_section_id" ON "highlight" ("section_id");
CREATE INDEX "highlight_category_id" ON "highlight" ("category_id");
CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "colour" TEXT,
  "created" DATETIME NOT NULL);
CREATE UNIQUE INDEX "tag_name" ON "tag" ("name");
CREATE TABLE "highlight_tag" ("id" INTEGER NOT NULL PRIMARY KEY, "highlight_id" INTEGER NOT NULL,
  "tag_id" INTEGER NOT NULL,
  FOREIGN KEY ("highlight_id") REFERENCES "highlight" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);
CREATE INDEX "highlight_tag_highlight_id" ON "highlight_tag" ("highlight_id");
CREATE INDEX "highlight_tag_tag_id" ON "highlight_tag" ("tag_id");
CREATE UNIQUE INDEX "highlight_tag_highlight_id_tag_id" ON "highlight_tag" ("highlight_id", "tag_id");
CREATE TABLE "note" ("id" INTEGER NOT NULL PRIMARY KEY, "highlight_id" INTEGER NOT NULL,
  "text" TEXT NOT NULL, "created" DATETIME NOT NULL, "updated" DATETIME NOT NULL,
  FOREIGN KEY ("highlight_id") REFERENCES "highlight" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "note_highlight_id" ON "note" ("highlight_id");
CREATE TABLE "reading_override" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "offset" INTEGER NOT NULL, "char" TEXT NOT NULL, "pinyin" TEXT NOT NULL, "created" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE INDEX "reading_override_page_id" ON "reading_override" ("page_id");
CREATE UNIQUE INDEX "reading_override_page_id_offset" ON "reading_override" ("page_id", "offset");
CREATE TABLE "vocabulary_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "simplified" TEXT NOT NULL,
  "traditional" TEXT NOT NULL, "pinyin" TEXT NOT NULL, "definition" TEXT NOT NULL,
  "sentence" TEXT NOT NULL, "page_id" INTEGER, "raw_offset" INTEGER, "created" DATETIME NOT NULL,
  "updated" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE SET NULL);
CREATE INDEX "vocabulary_entry_page_id" ON "vocabulary_entry" ("page_id");
"""

_V2_TABLES = """
ALTER TABLE "paragraph" ADD COLUMN "raw_start" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "paragraph" ADD COLUMN "raw_end" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "correction" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "raw_start" INTEGER NOT NULL, "raw_end" INTEGER NOT NULL, "replacement" TEXT NOT NULL,
  "author" TEXT NOT NULL, "created" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE INDEX "correction_page_id" ON "correction" ("page_id");
CREATE VIRTUAL TABLE "paragraph_fts" USING fts5(
  "text", content='paragraph', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "paragraph_fts_insert" AFTER INSERT ON "paragraph" BEGIN
  INSERT INTO "paragraph_fts"(rowid, "text") VALUES (new."id", new."text");
END;
CREATE TRIGGER "paragraph_fts_delete" AFTER DELETE ON "paragraph" BEGIN
  INSERT INTO "paragraph_fts"("paragraph_fts", rowid, "text") VALUES ('delete', old."id", old."text");
END;
CREATE TRIGGER "paragraph_fts_update" AFTER UPDATE OF "text" ON "paragraph" BEGIN
  INSERT INTO "paragraph_fts"("paragraph_fts", rowid, "text") VALUES ('delete', old."id", old."text");
  INSERT INTO "paragraph_fts"(rowid, "text") VALUES (new."id", new."text");
END;
CREATE VIRTUAL TABLE "section_fts" USING fts5(
  "kicker", "heading", "subheading", "byline", content='section', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "section_fts_insert" AFTER INSERT ON "section" BEGIN
  INSERT INTO "section_fts"(rowid, "kicker", "heading", "subheading", "byline")
  VALUES (new."id", new."kicker", new."heading", new."subheading", new."byline");
END;
CREATE TRIGGER "section_fts_delete" AFTER DELETE ON "section" BEGIN
  INSERT INTO "section_fts"("section_fts", rowid, "kicker", "heading", "subheading", "byline")
  VALUES ('delete', old."id", old."kicker", old."heading", old."subheading", old."byline");
END;
CREATE TRIGGER "section_fts_update" AFTER UPDATE OF "kicker", "heading", "subheading", "byline" ON "section" BEGIN
  INSERT INTO "section_fts"("section_fts", rowid, "kicker", "heading", "subheading", "byline")
  VALUES ('delete', old."id", old."kicker", old."heading", old."subheading", old."byline");
  INSERT INTO "section_fts"(rowid, "kicker", "heading", "subheading", "byline")
  VALUES (new."id", new."kicker", new."heading", new."subheading", new."byline");
END;
"""

_SEARCH_TABLES = """
DROP TRIGGER IF EXISTS "paragraph_fts_insert";
DROP TRIGGER IF EXISTS "paragraph_fts_delete";
DROP TRIGGER IF EXISTS "paragraph_fts_update";
DROP TRIGGER IF EXISTS "section_fts_insert";
DROP TRIGGER IF EXISTS "section_fts_delete";
DROP TRIGGER IF EXISTS "section_fts_update";
DROP TABLE IF EXISTS "paragraph_fts";
DROP TABLE IF EXISTS "section_fts";
CREATE TABLE IF NOT EXISTS "search_section" ("id" INTEGER NOT NULL PRIMARY KEY,
  "page_id" INTEGER NOT NULL, "section" INTEGER NOT NULL, "title" TEXT NOT NULL, "text" TEXT NOT NULL,
  "source_map" BLOB NOT NULL, "corrected" TEXT,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS "search_section_page_id" ON "search_section" ("page_id");
CREATE TABLE IF NOT EXISTS "search_removed" ("key" INTEGER NOT NULL, "kind" TEXT NOT NULL, "text" TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS "search_meta" ("name" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS "search_section_chars" USING fts5(
  "tokens", content='', detail='none', columnsize=0, tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS "search_section_pairs" USING fts5(
  "tokens", content='', detail='full', columnsize=0, tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS "search_raw_chars" USING fts5(
  "tokens", content='', detail='none', columnsize=0, tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS "search_raw_pairs" USING fts5(
  "tokens", content='', detail='full', columnsize=0, tokenize='unicode61');
CREATE TRIGGER IF NOT EXISTS "search_section_removed" AFTER DELETE ON "search_section" BEGIN
  INSERT INTO "search_removed" VALUES (old."id", 'section', old."text");
END;
CREATE TRIGGER IF NOT EXISTS "search_page_removed" AFTER DELETE ON "page" BEGIN
  INSERT INTO "search_removed" VALUES ((old."issue_id" << 42) | (old."id" << 16), 'raw', old."raw_text");
END;
"""


_V3_TABLES = """
CREATE TABLE "edit_batch" ("id" INTEGER NOT NULL PRIMARY KEY, "label" TEXT NOT NULL,
  "author" TEXT NOT NULL, "created" DATETIME NOT NULL);
ALTER TABLE "correction" ADD COLUMN "batch_id" INTEGER REFERENCES "edit_batch" ("id") ON DELETE SET NULL;
ALTER TABLE "correction" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'in_force';
ALTER TABLE "correction" ADD COLUMN "reverted" DATETIME;
ALTER TABLE "correction" ADD COLUMN "uuid" TEXT NOT NULL DEFAULT '';
CREATE INDEX "correction_batch_id" ON "correction" ("batch_id");
CREATE TABLE "structure_edit" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "batch_id" INTEGER, "kind" TEXT NOT NULL, "raw_start" INTEGER NOT NULL, "raw_end" INTEGER NOT NULL,
  "value" TEXT NOT NULL, "author" TEXT NOT NULL, "created" DATETIME NOT NULL, "state" TEXT NOT NULL,
  "reverted" DATETIME,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("batch_id") REFERENCES "edit_batch" ("id") ON DELETE SET NULL);
CREATE INDEX "structure_edit_page_id" ON "structure_edit" ("page_id");
CREATE INDEX "structure_edit_batch_id" ON "structure_edit" ("batch_id");
ALTER TABLE "page" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'unchecked';
CREATE TABLE "library_word" ("id" INTEGER NOT NULL PRIMARY KEY, "word" TEXT NOT NULL,
  "created" DATETIME NOT NULL);
CREATE UNIQUE INDEX "library_word_word" ON "library_word" ("word");
CREATE TABLE "flag_dismissal" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "raw_start" INTEGER NOT NULL, "raw_end" INTEGER NOT NULL, "kind" TEXT NOT NULL, "text" TEXT NOT NULL,
  "created" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE INDEX "flag_dismissal_page_id" ON "flag_dismissal" ("page_id");
CREATE UNIQUE INDEX "flag_dismissal_page_id_raw_start_raw_end_kind"
  ON "flag_dismissal" ("page_id", "raw_start", "raw_end", "kind");
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the surrounding transaction; run statement by statement.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:60]!r}")


def v0_to_v1(conn: sqlite3.Connection) -> None:
    """Create the first shape of the library."""
    _run_script(conn, _V1_TABLES)


def v1_to_v2(conn: sqlite3.Connection) -> None:
    """Add paragraph raw spans, corrections and the full-text index; fill both from the data."""
    _run_script(conn, _V2_TABLES)
    rows = conn.execute('SELECT "id", "source_map" FROM "paragraph"').fetchall()
    spans = []
    for paragraph_id, stored in rows:
        source = sourcemap.decode(stored)
        start, end = (min(source), max(source) + 1) if source else (0, 0)
        spans.append((start, end, paragraph_id))
    conn.executemany('UPDATE "paragraph" SET "raw_start" = ?, "raw_end" = ? WHERE "id" = ?', spans)
    conn.execute('INSERT INTO "paragraph_fts"("paragraph_fts") VALUES (\'rebuild\')')
    conn.execute('INSERT INTO "section_fts"("section_fts") VALUES (\'rebuild\')')


def v2_to_v3(conn: sqlite3.Connection) -> None:
    """Add proofreading: batches, correction state, structure edits, page status, word list, dismissals.

    Corrections made before v3 each become a batch of their own, in force, with their author
    and time, and a uuid so that they travel in W3C exports like new ones.
    """
    import uuid as uuidlib

    _run_script(conn, _V3_TABLES)
    rows = conn.execute('SELECT "id", "author", "created" FROM "correction" ORDER BY "id"').fetchall()
    for correction_id, author, created in rows:
        batch = conn.execute(
            'INSERT INTO "edit_batch" ("label", "author", "created") VALUES (?, ?, ?)',
            ("correction", author, created),
        ).lastrowid
        conn.execute(
            'UPDATE "correction" SET "batch_id" = ?, "uuid" = ? WHERE "id" = ?',
            (batch, str(uuidlib.uuid4()), correction_id),
        )


_PAGE_IMAGE_TABLE = """
CREATE TABLE "page_image" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "media_type" TEXT NOT NULL, "data" BLOB NOT NULL, "width" INTEGER NOT NULL, "height" INTEGER NOT NULL,
  "source_name" TEXT NOT NULL, "created" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "page_image_page_id" ON "page_image" ("page_id");
"""


def add_page_images(conn: sqlite3.Connection) -> None:
    """Add the page's scan (issue 8): one image per page, its bytes and media type.

    Self-contained: it only creates its own table, so it can stand after any other step.
    """
    _run_script(conn, _PAGE_IMAGE_TABLE)


def add_search_index(conn: sqlite3.Connection) -> None:
    """Add the search index and drop the trigram indexes (safe to run again).

    The index is filled when the library is next opened (``Library.open`` sees no token
    fingerprint and rebuilds it through ``Library.page``, which applies structure edits and
    the corrections in force), so the step needs no second copy of that logic.
    """
    _run_script(conn, _SEARCH_TABLES)


_PAGE_LIST_INDEXES = """
CREATE INDEX IF NOT EXISTS "page_issue_id_status" ON "page" ("issue_id", "status");
CREATE INDEX IF NOT EXISTS "page_issue_id_position" ON "page" ("issue_id", "position");
"""


def add_page_list_indexes(conn: sqlite3.Connection) -> None:
    """Index the pages' issue with their status and place (issue 11).

    The library panel lists every issue with how many of its pages are done, and the reader
    walks pages in the library's order; without these, both read every page's row — its raw
    text included, which comes before the status — about half a second at 5,000 pages.
    """
    _run_script(conn, _PAGE_LIST_INDEXES)


_V7_TABLES = """
ALTER TABLE "page" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "correction" ADD COLUMN "page_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "structure_edit" ADD COLUMN "page_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "highlight" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "highlight" ADD COLUMN "author" TEXT NOT NULL DEFAULT '';
CREATE TABLE "highlight_revision" ("id" INTEGER NOT NULL PRIMARY KEY, "highlight_id" INTEGER NOT NULL,
  "version" INTEGER NOT NULL, "state" TEXT NOT NULL, "author" TEXT NOT NULL, "created" DATETIME NOT NULL,
  "category" TEXT NOT NULL, "note" TEXT NOT NULL, "tags" TEXT NOT NULL, "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL, "exact" TEXT NOT NULL, "deleted" INTEGER NOT NULL,
  FOREIGN KEY ("highlight_id") REFERENCES "highlight" ("id") ON DELETE CASCADE);
CREATE INDEX "highlight_revision_highlight_id" ON "highlight_revision" ("highlight_id");
CREATE TABLE "page_assignment" ("id" INTEGER NOT NULL PRIMARY KEY, "page_id" INTEGER NOT NULL,
  "editor" TEXT NOT NULL, "author" TEXT NOT NULL, "created" DATETIME NOT NULL,
  FOREIGN KEY ("page_id") REFERENCES "page" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "page_assignment_page_id" ON "page_assignment" ("page_id");
CREATE INDEX "page_assignment_editor" ON "page_assignment" ("editor");
"""


def add_versions_and_assignments(conn: sqlite3.Connection) -> None:
    """Version columns, highlight revisions and page assignments (issue 13, several writers).

    Existing rows start at version 0 (pages, edits) or 1 (highlights), with no author for the
    highlight's last change and no revisions: the history starts with the next write.
    """
    _run_script(conn, _V7_TABLES)


_V8_COLUMNS = """
ALTER TABLE "flag_dismissal" ADD COLUMN "class_before" TEXT;
ALTER TABLE "flag_dismissal" ADD COLUMN "class_after" TEXT;
"""


def add_dismissal_surroundings(conn: sqlite3.Connection) -> None:
    """The classes around a dismissed flag, as the window showed it (NULL on earlier rows)."""
    _run_script(conn, _V8_COLUMNS)


#: ``MIGRATIONS[n]`` upgrades a version-``n`` library to version ``n + 1``.
MIGRATIONS: tuple[Step, ...] = (
    v0_to_v1,
    v1_to_v2,
    v2_to_v3,
    add_page_images,
    add_search_index,
    add_page_list_indexes,
    add_versions_and_assignments,
    add_dismissal_surroundings,
)
SCHEMA_VERSION = len(MIGRATIONS)


def upgrade(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the steps from the file's version up to ``target`` in one transaction; return the old version.

    The caller checks that the file is a Dubao library not newer than this code.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= target:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[version:target]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version
