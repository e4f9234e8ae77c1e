"""Merging a W3C file into the library in bulk (:func:`models.annotations.exchange.import_w3c`).

What the library already holds is read once — pages by text hash, highlights by uuid, the
highlights of every page the file names (by place and by quote), tags, categories and notes —
then each annotation is decided in memory (merged into a highlight, or a new one) in the file's
order, exactly as one lookup per annotation would decide it, and the rows are written with a
few statements inside the one undoable operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from models.anchoring import make_anchor, read_selectors, reanchor
from models.anchoring.selectors import Selectors
from models.annotations.categories import FALLBACK_COLOURS
from models.annotations.exchange import ImportReport, _issue_stub, issue_key
from models.annotations.exchange_reading import Incoming, read_w3c
from models.annotations.placing import anchor_columns
from models.annotations.service import AnnotatedPage, Annotations
from models.errors import DubaoError
from models.library.schema import Category, Highlight, HighlightTag, Note, Tag, utc_now

_CHUNK = 500
_COLUMNS = (
    "uuid",
    "page",
    "section",
    "category",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "text_hash",
    "created",
    "updated",
    "deleted",
    "anchor_state",
)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def merge_w3c(annotations: Annotations, data: bytes | str) -> ImportReport:
    incoming = read_w3c(data)
    db = annotations.library._db
    report = ImportReport()
    hashes = list({item.sha256 for item in incoming})
    pages_by_hash: dict[str, list[tuple[int, str | None, str]]] = {}
    for chunk in _chunks(hashes):
        rows = db.execute_sql(
            "SELECT page.id, page.sha256, issue.date, issue.paper FROM page JOIN issue ON issue.id = page.issue_id "
            f"WHERE page.sha256 IN ({_marks(len(chunk))}) ORDER BY page.id",
            list(chunk),
        ).fetchall()
        for page_id, sha, date, paper in rows:
            pages_by_hash.setdefault(sha, []).append((int(page_id), date, paper))
    by_page: dict[int, list[Incoming]] = {}
    seen: set[str] = set()
    for item in incoming:
        if item.uuid in seen:
            report.duplicates += 1
            continue
        seen.add(item.uuid)
        page_id = _find_page(pages_by_hash.get(item.sha256, []), item)
        if page_id is None:
            report.skipped += 1
        else:
            by_page.setdefault(page_id, []).append(item)
    if incoming and not by_page and not report.duplicates:
        raise DubaoError("none of the file's pages is in this library (import the pages first)")
    pages = {page_id: annotations.open_page(page_id) for page_id in by_page}
    with annotations.operation("import annotations") as rec:
        _Merge(annotations, rec, pages, [i for items in by_page.values() for i in items]).run(by_page, report)
    return report


def _find_page(rows: list[tuple[int, str | None, str]], item: Incoming) -> int | None:
    """The page with the file's text; of several (the same page in two issues) the issue's own."""
    if not rows:
        return None
    for page_id, date, paper in rows:
        if issue_key(_issue_stub(date, paper)) == item.issue:
            return page_id
    return rows[0][0]


def _place(page: AnnotatedPage, item: Incoming, sel: Selectors) -> tuple[int, tuple[int, int]] | None:
    if sel.exact is None:
        return None  # a position alone cannot be checked against this library's text
    if item.section < len(page.texts):
        where = reanchor(page.texts[item.section], sel.exact, sel.prefix, sel.suffix, sel.start)
        if where is not None:
            return item.section, where
    found = []
    for index, text in enumerate(page.texts):
        probes = [p for p in (sel.exact[:6], sel.exact[-6:], sel.prefix[-6:], sel.suffix[:6]) if len(p) >= 3]
        if index != item.section and any(p in text for p in probes):
            where = reanchor(text, sel.exact, sel.prefix, sel.suffix, None)
            if where is not None:
                found.append((index, where))
    return found[0] if len(found) == 1 else None


class _Merge:
    """The library's state for one import, read in bulk; new highlights get negative keys until written."""

    def __init__(
        self, annotations: Annotations, rec: Any, pages: dict[int, AnnotatedPage], items: list[Incoming]
    ) -> None:
        self.annotations = annotations
        self.rec = rec
        self.db = annotations.library._db
        self.pages = pages
        self.by_uuid: dict[str, int] = {}
        self.category_of: dict[int, int] = {}
        self.at_place: dict[tuple[int, int, int, int], int] = {}
        self.at_quote: dict[tuple[int, str, str, str], int] = {}
        uuids = [i.uuid for i in items]
        for chunk in _chunks(uuids):
            for uuid, hid, cat in self.db.execute_sql(
                f"SELECT uuid, id, category_id FROM highlight WHERE uuid IN ({_marks(len(chunk))})",
                list(chunk),
            ):
                self.by_uuid[uuid] = hid
                self.category_of[hid] = cat
        for chunk in _chunks(list(pages)):
            rows = self.db.execute_sql(
                'SELECT id, page_id, section_id, start, "end", exact, prefix, suffix, deleted, category_id '
                f"FROM highlight WHERE page_id IN ({_marks(len(chunk))}) ORDER BY id",
                list(chunk),
            )
            for hid, pid, sid, start, end, exact, prefix, suffix, deleted, cat in rows:
                self.category_of[hid] = cat
                if not deleted and sid is not None:
                    self.at_place.setdefault((pid, sid, start, end), hid)
                self.at_quote.setdefault((pid, exact, prefix, suffix), hid)
        self.category_names = {
            cid: name for cid, name in Category.select(Category.id, Category.name).tuples()
        }
        self.category_ids = {name: cid for cid, name in self.category_names.items()}
        self.new_rows: list[dict[str, Any]] = []

    def run(self, by_page: dict[int, list[Incoming]], report: ImportReport) -> None:
        merges: list[tuple[int, Incoming]] = []
        for page_id, items in by_page.items():
            for item in items:
                merges.append((self._decide(self.pages[page_id], item, report), item))
                report.notes_cut += item.note_cut
                report.tags_dropped += item.tags_dropped
                report.names_cut += item.names_cut
        self.rec.touch("highlight", sorted({hid for hid, _ in merges if hid > 0}))
        ids = self._write_highlights()
        resolved = [(ids[-hid - 1] if hid < 0 else hid, item) for hid, item in merges]
        report.highlight_ids.extend(hid for hid, _ in resolved)
        self._write_tags(resolved)
        self._write_notes(resolved)

    def _decide(self, page: AnnotatedPage, item: Incoming, report: ImportReport) -> int:
        existing = self.by_uuid.get(item.uuid)
        sel = item.read or read_selectors(item.selectors)
        placed = _place(page, item, sel) if existing is None else None
        if existing is None and placed is not None:
            section, (start, end) = placed
            existing = self.at_place.get((page.page_id, page.section_ids[section], start, end))
        elif existing is None:
            existing = self.at_quote.get((page.page_id, sel.exact or "", sel.prefix, sel.suffix))
        if existing is not None:
            if item.category is not None:
                ours = self.category_names[self.category_of[existing]]
                report.category_conflicts += ours != item.category
            report.merged += 1
            return existing
        category_id = self._category_id(item.category)
        if item.blank_category:
            report.blank_categories += 1
            report.fallback_category = self.category_names[category_id]
        now = utc_now()
        values: dict[str, Any] = {
            "uuid": item.uuid,
            "page": page.page_id,
            "category": category_id,
            "created": item.created or now,
            "updated": now,
            "deleted": False,
            "anchor_state": "anchored",
        }
        if placed is not None:
            section, (start, end) = placed
            anchor = make_anchor(page.texts[section], start, end)
            values.update(anchor_columns(page.section_ids[section], anchor))
        else:
            values.update(
                section=None,
                start=sel.start or 0,
                end=sel.end or 0,
                exact=sel.exact or "",
                prefix=sel.prefix,
                suffix=sel.suffix,
                text_hash="",
                anchor_state="unanchored",
            )
            report.unanchored += 1
        self.new_rows.append(values)
        key = -len(self.new_rows)
        self.category_of[key] = category_id
        if values["section"] is not None:
            self.at_place.setdefault((page.page_id, values["section"], values["start"], values["end"]), key)
        self.at_quote.setdefault((page.page_id, values["exact"], values["prefix"], values["suffix"]), key)
        report.added += 1
        return key

    def _category_id(self, name: str | None) -> int:
        if name:  # normalised when read, as category_named normalises
            found = self.category_ids.get(name)
            if found is not None:
                return found
            row = Category.create(
                name=name,
                light_colour=FALLBACK_COLOURS[0],
                dark_colour=FALLBACK_COLOURS[1],
                position=len(self.category_names),
            )
            self.rec.made("category", row.id)
            self.category_names[row.id] = name
            self.category_ids[name] = row.id
            return int(row.id)
        first = self.annotations.categories()
        if not first:
            raise DubaoError("the library has no categories to put imported highlights in")
        return first[0].id

    def _write_highlights(self) -> list[int]:
        """Insert the new highlights in one statement; their ids, in the order of ``new_rows``
        (found again by uuid: each new one has a uuid the library did not hold)."""
        fields = [Highlight._meta.fields[name] for name in _COLUMNS]
        columns = ", ".join('"' + f.column_name + '"' for f in fields)
        sql = f"INSERT INTO highlight ({columns}) VALUES ({_marks(len(fields))})"
        self.db.connection().executemany(
            sql, [[f.db_value(values[f.name]) for f in fields] for values in self.new_rows]
        )
        uuids = [values["uuid"] for values in self.new_rows]
        found: dict[str, int] = {}
        for chunk in _chunks(uuids):
            rows = self.db.execute_sql(
                f"SELECT uuid, id FROM highlight WHERE uuid IN ({_marks(len(chunk))})", list(chunk)
            )
            found.update((uuid, int(hid)) for uuid, hid in rows)
        ids = [found[uuid] for uuid in uuids]
        for hid in ids:
            self.rec.made("highlight", hid)
        return ids

    def _tag_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(names))
        out: dict[str, int] = {}
        for chunk in _chunks(wanted):
            out.update(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(list(chunk))).tuples())
        for name in wanted:
            if name not in out:
                tag = Tag.create(name=name)
                self.rec.made("tag", tag.id)
                out[name] = int(tag.id)
        return out

    def _write_tags(self, merges: list[tuple[int, Incoming]]) -> None:
        tag_ids = self._tag_ids(name for _, item in merges for name in item.tags)
        links = [(hid, tag_ids[name]) for hid, item in merges for name in item.tags]
        table = HighlightTag._meta.table_name
        self.db.connection().executemany(
            f"INSERT OR IGNORE INTO {table} (highlight_id, tag_id) VALUES (?, ?)", links
        )

    def _write_notes(self, merges: list[tuple[int, Incoming]]) -> None:
        """Keep each highlight's note, adding the file's when it differs (as one merge at a time would)."""
        with_notes = [(hid, item) for hid, item in merges if item.note.strip()]
        ids = sorted({hid for hid, _ in with_notes})
        current: dict[int, tuple[int, str]] = {}
        for chunk in _chunks(ids):
            query = Note.select(Note.highlight, Note.id, Note.text).where(Note.highlight.in_(list(chunk)))
            current.update((hid, (nid, text)) for hid, nid, text in query.tuples())
        texts: dict[int, str] = {hid: text for hid, (_, text) in current.items()}
        for hid, item in with_notes:
            if hid not in texts:
                texts[hid] = item.note
            elif item.note.strip() not in texts[hid]:
                texts[hid] = f"{texts[hid]}\n\n{item.note}"
        now = Note.updated.db_value(utc_now())
        table = Note._meta.table_name
        conn = self.db.connection()
        conn.executemany(
            f"INSERT INTO {table} (highlight_id, text, created, updated) VALUES (?, ?, ?, ?)",
            [(hid, text, now, now) for hid, text in texts.items() if hid not in current],
        )
        conn.executemany(
            f"UPDATE {table} SET text = ?, updated = ? WHERE id = ?",
            [
                (text, now, current[hid][0])
                for hid, text in texts.items()
                if hid in current and text != current[hid][1]
            ],
        )
