"""The highlights an export writes, read a group of pages at a time (issue 11).

:func:`models.annotations.exchange.iter_collect` used to open every annotated page as the
window does (its sections with source maps, its corrections, its highlights placed again):
some twenty queries a page. An export needs less. A page without a correction in force shows
its sections as stored, so its sections' texts (and their hashes, which say whether a
highlight still sits on the words it was made on) come from the section and paragraph rows
alone. Such a page whose every highlight is placed on the text it was made on yields exactly
what opening it would, read here for many pages at once: one query per table for a group of
pages. Any other page (a correction in force, a highlight unanchored, without a section, or
made on another text) is opened as before, which places its highlights again (and saves
them) first. ``tests/test_exchange_collect.py`` compares both on varied libraries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from models.annotations.finder import _RECORD_SQL, _TAGS_SQL, _records
from models.annotations.records import HighlightInfo
from models.annotations.texts import BLOCK_BREAK
from models.library.records import IssueInfo, PageInfo
from models.page_file import text_hash
from models.section import HEAD_FIELDS

if TYPE_CHECKING:
    from models.annotations.exchange import ExportItem
    from models.annotations.service import Annotations

#: Live highlights read in one group (pages are added to a group until it holds this many).
GROUP_HIGHLIGHTS = 4000
#: At most this many pages in a group (the ``IN (...)`` lists stay short).
GROUP_PAGES = 200
#: Section.title's order of head fields.
_TITLE_FIELDS = ("heading", "kicker", "subheading", "byline")


class _Sections:
    """One page's sections as stored: ids in reading order, and for those holding highlights
    their texts' hashes (:func:`models.annotations.texts.section_text`) and titles (``Section.title``)."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.heads: dict[int, tuple[str, list[str | None]]] = {}
        self.hashes: dict[int, str] = {}
        self.titles: dict[int, str] = {}


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def annotated_pages(db, issue_id: int | None = None) -> list[tuple[int, int]]:
    """The pages that have live highlights, and how many, in the order of
    :meth:`~models.annotations.service.Annotations.pages_with_highlights`."""
    where = "" if issue_id is None else " AND p.issue_id = ?"
    rows = db.execute_sql(
        "SELECT p.id, COUNT(*) FROM page p JOIN highlight h ON h.page_id = p.id "
        f"WHERE h.deleted = ?{where} GROUP BY p.id ORDER BY p.issue_id, p.position, p.id",
        [0] if issue_id is None else [0, issue_id],
    )
    return [(int(page_id), int(count)) for page_id, count in rows]


def _groups(pages: Sequence[tuple[int, int]]) -> Iterator[list[int]]:
    """The pages in the order given, in groups holding about :data:`GROUP_HIGHLIGHTS` highlights."""
    group: list[int] = []
    held = 0
    for page_id, count in pages:
        if group and (held + count > GROUP_HIGHLIGHTS or len(group) >= GROUP_PAGES):
            yield group
            group, held = [], 0
        group.append(page_id)
        held += count
    if group:
        yield group


def _corrected_pages(db, page_ids: Sequence[int]) -> set[int]:
    rows = db.execute_sql(
        f"SELECT DISTINCT page_id FROM correction WHERE state = ? AND page_id IN ({_marks(len(page_ids))})",
        ["in_force", *page_ids],
    )
    return {int(p) for (p,) in rows}


def _stored_sections(db, page_ids: Sequence[int]) -> dict[int, _Sections]:
    """Each page's sections in reading order, as :func:`models.library.sections.load` reads them
    (their texts and titles are worked out by :func:`_read_texts`, for the sections needed)."""
    out: dict[int, _Sections] = {page_id: _Sections() for page_id in page_ids}
    heads = db.execute_sql(
        f"SELECT id, page_id, kind, {', '.join(HEAD_FIELDS)} FROM section "
        f"WHERE page_id IN ({_marks(len(page_ids))}) ORDER BY page_id, ordinal",
        list(page_ids),
    )
    for section_id, page_id, kind, *values in heads:
        sections = out[page_id]
        sections.ids.append(section_id)
        sections.heads[section_id] = (kind, values)
    return out


def _read_texts(db, sections: dict[int, _Sections], wanted: dict[int, set[int]]) -> None:
    """The text hash and title of each wanted section (page id -> section ids), from its head
    fields and paragraphs: a section's text is its non-empty blocks joined by line breaks."""
    ids = sorted({sid for page_id, sids in wanted.items() for sid in sids if sid in sections[page_id].heads})
    paragraphs: dict[int, list[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = db.execute_sql(
            f"SELECT section_id, text FROM paragraph WHERE section_id IN ({_marks(len(chunk))}) "
            "ORDER BY section_id, ordinal",
            chunk,
        )
        for section_id, text in rows:
            paragraphs.setdefault(section_id, []).append(text)
    for page_id, sids in wanted.items():
        page = sections[page_id]
        for section_id in sids:
            if section_id not in page.heads:
                continue
            kind, values = page.heads[section_id]
            head = dict(zip(HEAD_FIELDS, values, strict=True))
            texts = paragraphs.get(section_id, [])
            blocks = [head[name] for name in HEAD_FIELDS if head[name]] + [t for t in texts if t]
            page.hashes[section_id] = text_hash(BLOCK_BREAK.join(blocks))
            title = next((head[name] for name in _TITLE_FIELDS if head[name]), None)
            if title is None:
                title = texts[0][:16] + ("…" if len(texts[0]) > 16 else "") if texts else kind
            page.titles[section_id] = title


def _page_infos(db, page_ids: Sequence[int]) -> dict[int, PageInfo]:
    rows = db.execute_sql(
        "SELECT id, issue_id, number, name, position, source_path, sha256, parser_version, status, version "
        f"FROM page WHERE id IN ({_marks(len(page_ids))})",
        list(page_ids),
    )
    return {int(row[0]): PageInfo(*row) for row in rows}


def _placed_records(
    db, page_ids: Sequence[int], sections: dict[int, _Sections]
) -> dict[int, list[HighlightInfo]]:
    """The live highlights, in reading order as :func:`finder.page_records` reads them, of the
    pages whose every highlight (deleted ones too, as placing reads them) sits on the text it
    was made on: those that opening the page would not place again. Other pages are left out."""
    marks = _marks(len(page_ids))
    rows = db.execute_sql(
        f'{_RECORD_SQL} WHERE h.page_id IN ({marks}) ORDER BY h.page_id, s.ordinal, h.start, h."end", h.id',
        list(page_ids),
    ).fetchall()
    wanted: dict[int, set[int]] = {}
    for row in rows:
        if row[3] is not None:
            wanted.setdefault(row[2], set()).add(row[3])
    _read_texts(db, sections, wanted)
    moved: set[int] = set()
    live = []
    for row in rows:
        page_id, section_id, hashed, state = row[2], row[3], row[9], row[14]
        if state == "unanchored" or section_id is None or sections[page_id].hashes.get(section_id) != hashed:
            moved.add(page_id)
        if not row[13]:  # deleted
            live.append(row)
    del rows
    live = [row for row in live if row[2] not in moved]
    # Tags of deleted highlights come too (no row of the highlight read for each): never used.
    tags = db.execute_sql(
        f"{_TAGS_SQL} JOIN highlight h ON h.id = ht.highlight_id WHERE h.page_id IN ({marks}) ORDER BY t.name",
        list(page_ids),
    ).fetchall()
    out: dict[int, list[HighlightInfo]] = {page_id: [] for page_id in page_ids if page_id not in moved}
    for record in _records(live, tags).values():
        out[record.page_id].append(record)
    return out


def collect_pages(annotations: Annotations, pages: Sequence[tuple[int, int]]) -> Iterator[ExportItem]:
    """The export items of these pages (page id, live highlights; in this order), each page's in
    reading order."""
    from models.annotations.exchange import ExportItem

    library = annotations.library
    db = annotations._db
    categories = {c.id: c for c in annotations.categories()}
    # More than two pages: every issue in two queries, not two queries an issue (equal records).
    issues: dict[int, IssueInfo] = {i.id: i for i in library.issues()} if len(pages) > 2 else {}

    def issue_of(issue_id: int) -> IssueInfo:
        found = issues.get(issue_id)
        if found is None:
            found = issues[issue_id] = library.issue(issue_id)
        return found

    for group in _groups(pages):
        with db.atomic(lock_type="DEFERRED"):  # one snapshot for the group's reads
            corrected = _corrected_pages(db, group)
            fast = [p for p in group if p not in corrected]
            sections = _stored_sections(db, fast) if fast else {}
            records = _placed_records(db, fast, sections) if fast else {}
            infos = _page_infos(db, list(records)) if records else {}
        annotations._saw([h for page_records in records.values() for h in page_records])
        for page_id in group:
            if page_id in records:
                info = infos[page_id]
                index_of = {sid: i for i, sid in enumerate(sections[page_id].ids)}
                named = sections[page_id].titles
                titles = [named.get(sid, "") for sid in sections[page_id].ids]
                highlights = records.pop(page_id)
            else:
                page = annotations.open_page(page_id)
                info = page.content.info
                titles = [s.title for s in page.content.current_sections]
                index_of = {sid: i for i, sid in enumerate(page.section_ids)}
                highlights = page.highlights
            issue = issue_of(info.issue_id)
            for h in highlights:
                index = index_of.get(h.section_id) if h.anchored else None
                title = titles[index] if index is not None else ""
                yield ExportItem(h, issue, info, index, title, categories[h.category_id])
