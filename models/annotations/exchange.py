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

import itertools
import json
import re
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.annotations.categories import MAX_NAME
from models.annotations.exchange_reading import (
    MAX_ANNOTATIONS,
    MAX_IMPORT_BYTES,
    MAX_NOTE_CHARS,
    MAX_TAGS,
    Incoming,
    read_annotation_file,
    read_w3c,
)
from models.annotations.exchange_writing import Sources, annotation_json
from models.annotations.records import CategoryInfo, HighlightInfo
from models.annotations.service import Annotations
from models.library.records import IssueInfo, PageInfo
from models.library.schema import utc_now

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
    "iter_collect",
    "w3c_chunks",
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
    return list(iter_collect(annotations, issue_id))


def iter_collect(annotations: Annotations, issue_id: int | None = None) -> Iterator[ExportItem]:
    """:func:`collect` a group of pages at a time (an export streams them without holding them
    all): pages shown as stored are read in bulk, the others opened and re-anchored first
    (:mod:`models.annotations.exchange_collect`)."""
    from models.annotations.exchange_collect import annotated_pages, collect_pages

    if issue_id is not None:
        annotations.library.issue(issue_id)  # a DubaoError names a missing issue
    return collect_pages(annotations, annotated_pages(annotations.library.database, issue_id))


def page_by_page(annotations: Annotations, issue_id: int | None = None) -> Iterator[ExportItem]:
    """What :func:`iter_collect` yields, each page opened as the window opens it (the plain
    way, which the bulk reading must match: ``tests/test_exchange_collect.py``)."""
    library = annotations.library
    if issue_id is not None:
        library.issue(issue_id)  # a DubaoError names a missing issue
    categories = {c.id: c for c in annotations.categories()}
    issues: dict[int, IssueInfo] = {}
    for page_id in annotations.pages_with_highlights(issue_id):
        page = annotations.open_page(page_id)
        info = page.content.info
        issue = issues.get(info.issue_id) or issues.setdefault(info.issue_id, library.issue(info.issue_id))
        titles = [s.title for s in page.content.current_sections]
        index_of = {sid: i for i, sid in enumerate(page.section_ids)}
        for h in page.highlights:
            index = index_of.get(h.section_id) if h.anchored else None
            title = titles[index] if index is not None else ""
            yield ExportItem(h, issue, info, index, title, categories[h.category_id])


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
    return b"".join(w3c_chunks(items, label, extra))


def w3c_chunks(
    items: Iterable[ExportItem],
    label: str,
    extra: Iterable[dict[str, Any]] = (),
    counted: list[int] | None = None,
) -> Iterator[bytes]:
    """The file :func:`to_w3c` describes, written as annotations come (one per line, so 100,000
    never sit in memory at once). ``total`` follows the items; ``counted`` gets the count."""
    dump = json.JSONEncoder(ensure_ascii=False).encode
    head = {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{uuidlib.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": "Dubao"},
        "generated": _iso(utc_now()),
    }
    page = {"id": f"urn:uuid:{uuidlib.uuid4()}", "type": "AnnotationPage", "startIndex": 0}
    out = [dump(head)[:-1], ',\n  "first": ', dump(page)[:-1], ',\n    "items": [']
    total = 0
    sources = Sources()
    texts = itertools.chain((annotation_json(item, sources(item)) for item in items), map(dump, extra))
    for text in texts:
        out.append(("\n      " if total == 0 else ",\n      ") + text)
        total += 1
        if len(out) >= 256:
            yield "".join(out).encode("utf-8")
            out = []
    out.append(f'\n    ]}},\n  "total": {total}\n}}\n')
    yield "".join(out).encode("utf-8")
    if counted is not None:
        counted.append(total)


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
    (LibraryWriteError): the whole import is one transaction. The library is read in bulk and
    written in a few statements (:mod:`models.annotations.exchange_import`).
    """
    from models.annotations.exchange_import import merge_w3c

    return merge_w3c(annotations, data)


def _issue_stub(date: str | None, paper: str) -> IssueInfo:
    return IssueInfo(id=0, paper=paper, date=date, title="", page_count=None, pages=0, created=datetime.min)
