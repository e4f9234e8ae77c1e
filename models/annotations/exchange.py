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
from datetime import datetime, timezone
from typing import Any

from models.anchoring import SelectorError, make_anchor, read_selectors, reanchor
from models.annotations.categories import FALLBACK_COLOURS
from models.annotations.placing import anchor_columns
from models.annotations.records import CategoryInfo, HighlightInfo
from models.annotations.service import AnnotatedPage, Annotations
from models.errors import DubaoError
from models.library.records import IssueInfo, PageInfo
from models.library.schema import Category, Highlight, HighlightTag, Issue, Note, Page, Tag, utc_now

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_SOURCE = re.compile(
    r"^urn:dubao:issue:(?P<issue>[^:]*):page:(?P<sha>[0-9a-f]{64}):section:(?P<section>\d+)$"
)
#: Characters escaped in the issue part of a source IRI (the rest, Chinese included, is kept).
_IRI_UNSAFE = re.compile(r"[\s%:/?#\[\]@<>\"{}|\\^`]")
#: Most annotations one file may bring in (a bigger file is refused, not half-read).
MAX_ANNOTATIONS = 500_000


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


def to_w3c(items: Iterable[ExportItem], label: str, extra: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """An AnnotationCollection with one AnnotationPage holding every annotation (``extra``:
    annotations made elsewhere, such as corrections, :mod:`models.proofreading.exchange`)."""
    annotations = [to_annotation(item) for item in items] + list(extra)
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


def w3c_bytes(items: Iterable[ExportItem], label: str, extra: Iterable[dict[str, Any]] = ()) -> bytes:
    return json.dumps(to_w3c(items, label, extra), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


# --- import -----------------------------------------------------------------------------------


@dataclass
class Incoming:
    """One annotation read from a file."""

    uuid: str
    sha256: str
    issue: str
    section: int
    selectors: Any
    category: str | None
    tags: list[str]
    note: str
    created: datetime | None


@dataclass
class ImportReport:
    """What an import did: annotations added, merged into existing ones, left unanchored, skipped."""

    added: int = 0
    merged: int = 0
    unanchored: int = 0
    #: Annotations whose page is not in this library.
    skipped: int = 0
    highlight_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        line = f"added {self.added}, merged {self.merged}, unanchored {self.unanchored}"
        if self.skipped:
            line += f", skipped {self.skipped} (page not in the library)"
        return line


def read_w3c(data: bytes | str) -> list[Incoming]:
    """The annotations of a W3C file (a collection, a page, a list or one annotation)."""
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DubaoError(f"not a JSON file ({exc})") from None
    # Corrections ("motivation": "editing") are imported by models.proofreading.exchange.
    items = [item for item in _items(doc) if not _is_correction(item)]
    if len(items) > MAX_ANNOTATIONS:
        raise DubaoError(f"{len(items)} annotations is more than one import takes ({MAX_ANNOTATIONS})")
    return [_incoming(item, n) for n, item in enumerate(items, start=1)]


def _is_correction(item: Any) -> bool:
    from models.proofreading.exchange import is_correction

    return is_correction(item)


def _items(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise DubaoError("not a W3C annotation file (expected a JSON object)")
    kind = doc.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "AnnotationCollection" in kinds:
        first = doc.get("first")
        if isinstance(first, dict):
            return _items(first)
        if "items" in doc:
            return _items({"type": "AnnotationPage", "items": doc["items"]})
        if doc.get("total") == 0:
            return []
        raise DubaoError("the AnnotationCollection has no 'first' page of annotations")
    if "AnnotationPage" in kinds:
        items = doc.get("items")
        if not isinstance(items, list):
            raise DubaoError("the AnnotationPage has no 'items' list")
        return items
    if "Annotation" in kinds:
        return [doc]
    raise DubaoError(f"not a W3C annotation file (type {kind!r})")


def _incoming(item: Any, number: int) -> Incoming:
    where = f"annotation {number}"
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise DubaoError(f"{where}: not an Annotation")
    ident = item.get("id")
    match = re.match(r"^urn:uuid:([0-9a-fA-F-]{36})$", ident) if isinstance(ident, str) else None
    try:
        uuid = str(uuidlib.UUID(match.group(1))) if match else None
    except ValueError:
        uuid = None
    if uuid is None:
        raise DubaoError(f"{where}: its id {ident!r} is not a urn:uuid")
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, dict):
        raise DubaoError(f"{where}: no target")
    source = _SOURCE.match(str(target.get("source", "")))
    if source is None:
        raise DubaoError(f"{where}: its target {target.get('source')!r} is not a Dubao page (urn:dubao:…)")
    selectors = target.get("selector")
    try:
        read_selectors(selectors)
    except SelectorError as exc:
        raise DubaoError(f"{where}: {exc}") from None
    category, tags, note = None, [], ""
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purpose = body.get("purpose")
        if purpose == "classifying" and category is None:
            category = body["value"]
        elif purpose == "tagging" and body["value"].strip():
            tags.append(body["value"])
        elif purpose == "commenting":
            note = f"{note}\n\n{body['value']}" if note else body["value"]
    return Incoming(
        uuid=uuid,
        sha256=source["sha"],
        issue=source["issue"],
        section=int(source["section"]),
        selectors=selectors,
        category=category,
        tags=tags,
        note=note,
        created=_parse_time(item.get("created")),
    )


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def import_w3c(annotations: Annotations, data: bytes | str) -> ImportReport:
    """Merge a W3C file into the library; one undoable operation. See the module docstring."""
    incoming = read_w3c(data)
    report = ImportReport()
    by_page: dict[int, list[Incoming]] = {}
    for item in incoming:
        page_id = _find_page(item)
        if page_id is None:
            report.skipped += 1
        else:
            by_page.setdefault(page_id, []).append(item)
    if incoming and not by_page:
        raise DubaoError("none of the file's pages is in this library (import the pages first)")
    pages = {page_id: annotations.open_page(page_id) for page_id in by_page}
    with annotations.operation("import annotations") as rec:
        for page_id, items in by_page.items():
            for item in items:
                _merge_one(annotations, rec, pages[page_id], item, report)
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
        report.merged += 1
        report.highlight_ids.append(existing.id)
        return
    category_id = _category_id(annotations, rec, item.category)
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
    for name in dict.fromkeys(" ".join(t.split()) for t in item.tags):
        if not name:
            continue
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
    if name:
        found = annotations.category_named(name)
        if found is not None:
            return found.id
        position = Category.select().count()
        row = Category.create(
            name=" ".join(name.split())[:64],
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
