"""Handing annotations to a colleague: W3C Web Annotation JSON-LD out, and back in.

Export writes an ``AnnotationCollection`` whose first ``AnnotationPage`` holds every
annotation: ``urn:uuid:`` ids, a ``classifying`` body for the category, ``tagging`` bodies
for tags, a ``commenting`` body for the note, and a target whose source IRI names the issue,
the page (by the SHA-256 of its raw text, the same in every library that imported the same
file) and the section, with a TextQuoteSelector and a TextPositionSelector into the section's
text (code points).

Import finds each target's page by that hash, re-anchors the selectors in the page's current
text, and merges: an annotation whose uuid is known, or that marks the same words of the
same section, is merged (tags joined, notes kept) instead of added twice; one that cannot be
placed is added *unanchored*. The whole import is one undoable operation.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.anchoring import make_anchor, read_selectors, reanchor
from models.annotations.categories import FALLBACK_COLOURS, MAX_NAME
from models.annotations.exchange_reading import (
    MAX_ANNOTATIONS,
    MAX_IMPORT_BYTES,
    MAX_NOTE_CHARS,
    MAX_TAGS,
    Incoming,
    read_annotation_file,
    read_w3c,
)
from models.annotations.placing import anchor_columns
from models.annotations.records import CategoryInfo, HighlightInfo
from models.annotations.service import AnnotatedPage, Annotations
from models.errors import DubaoError
from models.library.records import IssueInfo, PageInfo
from models.library.schema import Category, Highlight, HighlightTag, Issue, Note, Page, Tag, utc_now

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Characters escaped in the issue part of a source IRI (the rest, Chinese included, is kept).
_IRI_UNSAFE = re.compile(r"[\s%:/?#\[\]@<>\"{}|\\^`]")
__all__ = [
    "MAX_ANNOTATIONS",
    "MAX_IMPORT_BYTES",
    "ExportItem",
    "ImportReport",
    "Incoming",
    "collect",
    "import_w3c",
    "read_annotation_file",
    "read_w3c",
    "to_w3c",
    "w3c_bytes",
]


@dataclass(frozen=True)
class ExportItem:
    """A highlight with everything an export format names: issue, page, section, category."""

    highlight: HighlightInfo
    issue: IssueInfo
    page: PageInfo
    section_index: int | None
    section_title: str
    category: CategoryInfo


def collect(annotations: Annotations, issue_id: int | None = None) -> list[ExportItem]:
    """Live highlights of one issue (or the library) in reading order, re-anchored first."""
    library = annotations.library
    if issue_id is not None:
        library.issue(issue_id)  # a DubaoError names a missing issue
    categories = {c.id: c for c in annotations.categories()}
    issues: dict[int, IssueInfo] = {}
    items: list[ExportItem] = []
    for page_id in annotations.pages_with_highlights(issue_id):
        page = annotations.open_page(page_id)
        info = page.content.info
        issue = issues.get(info.issue_id) or issues.setdefault(info.issue_id, library.issue(info.issue_id))
        titles = [s.title for s in page.content.current_sections]
        for h in page.highlights:
            index = page.section_index(h.section_id) if h.anchored else None
            title = titles[index] if index is not None else ""
            items.append(ExportItem(h, issue, info, index, title, categories[h.category_id]))
    return items


def issue_key(issue: IssueInfo) -> str:
    """The issue part of a source IRI: ``date/paper``, IRI-escaped (Chinese kept as it is)."""
    return _escape(issue.date or "undated") + "/" + _escape(issue.paper or "")


def _escape(text: str) -> str:
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def source_iri(issue: IssueInfo, page: PageInfo, section: int | None) -> str:
    """``urn:dubao:issue:<date>/<paper>:page:<sha256>:section:<n>`` (n = 0 when unanchored)."""
    return f"urn:dubao:issue:{issue_key(issue)}:page:{page.sha256}:section:{section or 0}"


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def to_annotation(item: ExportItem) -> dict[str, Any]:
    """One highlight as a W3C Annotation."""
    h = item.highlight
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": item.category.name}
    ]
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in h.tags]
    if h.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": h.note, "format": "text/plain"})
    return {
        "id": f"urn:uuid:{h.uuid}",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": _iso(h.created),
        "modified": _iso(h.updated),
        "body": body,
        "target": {
            "source": source_iri(item.issue, item.page, item.section_index),
            "selector": [
                {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix},
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
        },
    }


def to_w3c(items: Iterable[ExportItem], label: str) -> dict[str, Any]:
    """An AnnotationCollection with one AnnotationPage holding every annotation."""
    annotations = [to_annotation(item) for item in items]
    return {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{uuidlib.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "generator": {"type": "Software", "name": "Dubao"},
        "generated": _iso(utc_now()),
        "first": {
            "id": f"urn:uuid:{uuidlib.uuid4()}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": annotations,
        },
    }


def w3c_bytes(items: Iterable[ExportItem], label: str) -> bytes:
    return json.dumps(to_w3c(items, label), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


# --- import -----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did, each kind of outcome counted as what it is."""

    added: int = 0
    merged: int = 0
    unanchored: int = 0
    #: Annotations whose page is not in this library.
    skipped: int = 0
    #: Annotations whose id appeared earlier in the same file (the later ones are ignored).
    duplicates: int = 0
    #: Merged annotations whose category differs from the library's highlight (the library's kept).
    category_conflicts: int = 0
    #: New highlights whose category name was blank (put in the first category).
    blank_categories: int = 0
    notes_cut: int = 0
    tags_dropped: int = 0
    names_cut: int = 0
    highlight_ids: list[int] = field(default_factory=list)
    #: The category blank-named annotations were put in.
    fallback_category: str = ""

    def summary(self) -> str:
        line = f"added {self.added}, merged {self.merged}, unanchored {self.unanchored}"
        extra = []
        if self.skipped:
            extra.append(f"skipped {self.skipped} (page not in the library)")
        if self.duplicates:
            extra.append(f"ignored {self.duplicates} repeating an id earlier in the file")
        if self.category_conflicts:
            extra.append(
                f"{self.category_conflicts} merged onto a highlight of another category (yours kept)"
            )
        if self.blank_categories:
            extra.append(
                f"{self.blank_categories} with a blank category name put in {self.fallback_category}"
            )
        if self.notes_cut:
            extra.append(f"{self.notes_cut} notes cut to {MAX_NOTE_CHARS:,} characters")
        if self.tags_dropped:
            extra.append(f"{self.tags_dropped} tags dropped (at most {MAX_TAGS} per highlight)")
        if self.names_cut:
            extra.append(f"{self.names_cut} tag or category names cut to {MAX_NAME} characters")
        return "; ".join([line, *extra])


def import_w3c(annotations: Annotations, data: bytes | str) -> ImportReport:
    """Merge a W3C file into the library; one undoable operation. See the module docstring.

    Nothing is written when the file is refused (DubaoError) or the library cannot be written
    (LibraryWriteError): the whole import is one transaction.
    """
    incoming = read_w3c(data)
    report = ImportReport()
    by_page: dict[int, list[Incoming]] = {}
    seen: set[str] = set()
    for item in incoming:
        if item.uuid in seen:
            report.duplicates += 1
            continue
        seen.add(item.uuid)
        page_id = _find_page(item)
        if page_id is None:
            report.skipped += 1
        else:
            by_page.setdefault(page_id, []).append(item)
    if incoming and not by_page and not report.duplicates:
        raise DubaoError("none of the file's pages is in this library (import the pages first)")
    pages = {page_id: annotations.open_page(page_id) for page_id in by_page}
    with annotations.operation("import annotations") as rec:
        for page_id, items in by_page.items():
            for item in items:
                _merge_one(annotations, rec, pages[page_id], item, report)
                report.notes_cut += item.note_cut
                report.tags_dropped += item.tags_dropped
                report.names_cut += item.names_cut
    return report


def _find_page(item: Incoming) -> int | None:
    """The page with the file's text; of several (the same page in two issues) the issue's own."""
    rows = list(
        Page.select(Page.id, Issue.date, Issue.paper).join(Issue).where(Page.sha256 == item.sha256).tuples()
    )
    if not rows:
        return None
    for page_id, date, paper in rows:
        if issue_key(_issue_stub(date, paper)) == item.issue:
            return int(page_id)
    return int(rows[0][0])


def _issue_stub(date: str | None, paper: str) -> IssueInfo:
    return IssueInfo(id=0, paper=paper, date=date, title="", page_count=None, pages=0, created=datetime.min)


def _place(page: AnnotatedPage, item: Incoming) -> tuple[int, tuple[int, int]] | None:
    sel = read_selectors(item.selectors)
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


def _merge_one(
    annotations: Annotations, rec: Any, page: AnnotatedPage, item: Incoming, report: ImportReport
) -> None:
    existing = Highlight.get_or_none(Highlight.uuid == item.uuid)
    placed = _place(page, item) if existing is None else None
    if existing is None and placed is not None:
        section, (start, end) = placed
        existing = Highlight.get_or_none(
            (Highlight.page == page.page_id)
            & (Highlight.section == page.section_ids[section])
            & (Highlight.start == start)
            & (Highlight.end == end)
            & (Highlight.deleted == False)  # noqa: E712 (peewee expression)
        )
    elif existing is None:
        sel = read_selectors(item.selectors)
        existing = Highlight.get_or_none(
            (Highlight.page == page.page_id)
            & (Highlight.exact == (sel.exact or ""))
            & (Highlight.prefix == sel.prefix)
            & (Highlight.suffix == sel.suffix)
        )
    if existing is not None:
        rec.touch("highlight", [existing.id])
        _merge_into(rec, existing.id, item)
        if item.category is not None:
            ours = Category.get_by_id(existing.category_id).name
            report.category_conflicts += ours != item.category
        report.merged += 1
        report.highlight_ids.append(existing.id)
        return
    category_id = _category_id(annotations, rec, item.category)
    if item.blank_category:
        report.blank_categories += 1
        report.fallback_category = Category.get_by_id(category_id).name
    now = utc_now()
    values: dict[str, Any] = {
        "uuid": item.uuid,
        "page": page.page_id,
        "category": category_id,
        "created": item.created or now,
        "updated": now,
    }
    if placed is not None:
        section, (start, end) = placed
        anchor = make_anchor(page.texts[section], start, end)
        values.update(anchor_columns(page.section_ids[section], anchor))
    else:
        sel = read_selectors(item.selectors)
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
    row = Highlight.create(**values)
    rec.made("highlight", row.id)
    _merge_into(rec, row.id, item)
    report.added += 1
    report.highlight_ids.append(row.id)


def _merge_into(rec: Any, highlight_id: int, item: Incoming) -> None:
    """Join the file's tags to the highlight's; keep its note, adding the file's if it differs."""
    for name in item.tags:  # normalised, at most MAX_TAGS, when read
        tag = Tag.get_or_none(Tag.name == name)
        if tag is None:
            tag = Tag.create(name=name)
            rec.made("tag", tag.id)
        HighlightTag.insert(highlight=highlight_id, tag=tag.id).on_conflict_ignore().execute()
    note = item.note.strip()
    if not note:
        return
    now = utc_now()
    current = Note.get_or_none(Note.highlight == highlight_id)
    if current is None:
        Note.create(highlight=highlight_id, text=item.note, created=now, updated=now)
    elif note not in current.text:
        Note.update(text=f"{current.text}\n\n{item.note}", updated=now).where(Note.id == current.id).execute()


def _category_id(annotations: Annotations, rec: Any, name: str | None) -> int:
    if name:  # normalised when read, as category_named normalises
        found = annotations.category_named(name)
        if found is not None:
            return found.id
        position = Category.select().count()
        row = Category.create(
            name=name,
            light_colour=FALLBACK_COLOURS[0],
            dark_colour=FALLBACK_COLOURS[1],
            position=position,
        )
        rec.made("category", row.id)
        return int(row.id)
    first = annotations.categories()
    if not first:
        raise DubaoError("the library has no categories to put imported highlights in")
    return first[0].id
