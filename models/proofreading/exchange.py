"""Corrections travel as W3C Web Annotations (``"motivation": "editing"``).

Each correction in force is an annotation: ``urn:uuid:`` id, a TextualBody with purpose
``editing`` holding the replacement, its creator and creation time, and a target on the page's
raw text, ``urn:dubao:issue:<issue>:page:<sha256>:raw`` (the same issue part as highlights),
with a TextQuoteSelector (``exact`` is what the OCR read, with 32 characters of prefix and
suffix) and a TextPositionSelector in raw code points.

Import finds the page by its hash; the span by position if the quote matches there, else by
the quote in the raw text (it is the same file, so it is found). Then:

- the same correction (same uuid, or same span and replacement) is *known*: not added twice;
- one overlapping a local correction in force with another text is a *conflict*: it is added
  to the history as ``reverted`` (imported, not applied) and counted; **the local correction
  stays in force**, because the editor of this library decides. Reverting the local one and
  :meth:`~models.proofreading.correcting.CorrectionOps.reinstate_correction` on the imported
  one swaps them; nothing is dropped;
- the others are *applied*, keeping their uuid, author and time, as one undoable step.

Structure edits travel only when asked (``correction_annotations(..., structure=True)``: the CLI's
``export --format w3c --structure``, the window's file type "with structure edits"), as annotations of
motivation ``classifying`` (:func:`structure_annotations`): ``editing`` stays the text corrections'
alone, as issue 8's readers count on. The import applies them in the same step (known, applied,
or kept reverted when they clash with an edit in force here); an edit that means nothing here
(an unknown kind, role or section kind, offsets off the page: :func:`~models.proofreading.structure.check_spec`'s checks) is
skipped and counted. A version before this one refuses a file holding them.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.anchoring import reanchor
from models.annotations.exchange_reading import parse_time
from models.library.corrections import Edit, _overlaps, effective_edits
from models.library.records import IssueInfo
from models.library.schema import Issue, Page, StructureEdit
from models.library.service import Library
from models.proofreading.review import IMPORT_STEP, _snippet, _where

_RAW_SOURCE = re.compile(r"^urn:dubao:issue:(?P<issue>[^:]*):page:(?P<sha>[0-9a-f]{64}):raw$")
CONTEXT = 32


def is_correction(item: Any) -> bool:
    """Whether a W3C annotation is a correction (not a highlight, not a structure edit)."""
    if not isinstance(item, dict) or is_structure(item):
        return False
    motivation = item.get("motivation")
    return motivation == "editing" or (isinstance(motivation, list) and "editing" in motivation)


def raw_source(issue: IssueInfo, sha256: str) -> str:
    from models.annotations.exchange import issue_key

    return f"urn:dubao:issue:{issue_key(issue)}:page:{sha256}:raw"


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def correction_annotations(
    library: Library, issue_id: int | None = None, *, structure: bool = False
) -> list[dict[str, Any]]:
    """Every correction in force of the library (or one issue) as W3C annotations, in page order;
    with ``structure``, each page's structure edits in force too (before its corrections; see
    :func:`structure_annotations`). Without it the file holds what issue 8's contract reads:
    every ``editing`` annotation is a text correction."""
    out: list[dict[str, Any]] = []
    # The pages that have a correction in force, in one query: most pages have none.
    rows = library.database.execute_sql(
        "SELECT DISTINCT page_id FROM correction WHERE state = ?", ["in_force"]
    )
    in_force = {int(page_id) for (page_id,) in rows}
    restructured: set[int] = set()
    if structure:
        query = StructureEdit.select(StructureEdit.page).where(StructureEdit.state == "in_force").distinct()
        restructured = {int(page_id) for (page_id,) in query.tuples()}
    if not in_force and not restructured:
        return out
    from models.proofreading.export import pages_in_order

    for issue, page in pages_in_order(library, issue_id):
        if page.id in restructured:
            out.extend(structure_annotations(library, issue, page))
        if page.id not in in_force:
            continue
        corrections = [c for c in library.corrections_of(page.id) if c.in_force]
        if not corrections:
            continue
        layout = library.layout(page.id)
        raw = layout.raw
        # Only what shapes the text: a correction a newer one covers would fight it on import.
        shaping = set(layout.effective_ids)
        corrections = [c for c in corrections if c.id in shaping]
        for c in corrections:
            if not c.uuid:
                continue
            annotation: dict[str, Any] = {
                "id": f"urn:uuid:{c.uuid}",
                "type": "Annotation",
                "motivation": "editing",
                "created": _iso(c.created),
                "body": {
                    "type": "TextualBody",
                    "purpose": "editing",
                    "value": c.replacement,
                    "format": "text/plain",
                },
                "target": {
                    "source": raw_source(issue, page.sha256),
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": raw[c.raw_start : c.raw_end],
                            "prefix": raw[max(0, c.raw_start - CONTEXT) : c.raw_start],
                            "suffix": raw[c.raw_end : c.raw_end + CONTEXT],
                        },
                        {"type": "TextPositionSelector", "start": c.raw_start, "end": c.raw_end},
                    ],
                },
            }
            if c.author:
                annotation["creator"] = {"type": "Person", "name": c.author}
            out.append(annotation)
    return out


#: the body format of a structure edit (its purpose is ``classifying``, not ``editing``, so that
#: a reader of corrections alone never takes it for replacement text)
STRUCTURE_FORMAT = "application/vnd.dubao.structure+json"
#: a structure edit's motivation: it says what a place of the raw text *is* (a paragraph break,
#: an article's start, a byline, a caption, its place in the reading order) and changes no
#: character, which is W3C's ``classifying``; ``editing`` is kept for text corrections (issue 8:
#: every editing annotation is a correction, their number is the corrections')
STRUCTURE_MOTIVATION = "classifying"
STRUCTURE_KINDS = frozenset({"break", "role", "section", "section_kind", "move"})


def _structure_uuid(sha256: str, spec: Any) -> str:
    """The same edit of the same page has the same id in every export (none is stored)."""
    name = f"{sha256}:{spec.kind}:{spec.raw_start}:{spec.raw_end}:{spec.value}"
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, "urn:dubao:structure:" + name))


def structure_annotations(library: Library, issue: IssueInfo, page: Any) -> list[dict[str, Any]]:
    """A page's structure edits in force as W3C annotations (``"motivation": "classifying"``, a
    body of purpose ``classifying`` and format :data:`STRUCTURE_FORMAT` holding the edit as
    JSON: kind, raw offsets, value; the target the page's raw text at the edit's first raw
    offset)."""
    import json

    raw = Page.select(Page.raw_text).where(Page.id == page.id).scalar() or ""
    out: list[dict[str, Any]] = []
    for edit in library.structure_edits(page.id):
        if not edit.in_force:
            continue
        end = edit.raw_end if edit.kind == "role" else edit.raw_start
        annotation: dict[str, Any] = {
            "id": f"urn:uuid:{_structure_uuid(page.sha256, edit)}",
            "type": "Annotation",
            "motivation": STRUCTURE_MOTIVATION,
            "created": _iso(edit.created),
            "body": {
                "type": "TextualBody",
                "purpose": "classifying",
                "format": STRUCTURE_FORMAT,
                "value": json.dumps(
                    {"kind": edit.kind, "raw_start": edit.raw_start, "raw_end": edit.raw_end, "value": edit.value},
                    ensure_ascii=False,
                ),
            },
            "target": {
                "source": raw_source(issue, page.sha256),
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": raw[edit.raw_start : end],
                        "prefix": raw[max(0, edit.raw_start - CONTEXT) : edit.raw_start],
                        "suffix": raw[end : end + CONTEXT],
                    },
                    {"type": "TextPositionSelector", "start": edit.raw_start, "end": end},
                ],
            },
        }
        if edit.author:
            annotation["creator"] = {"type": "Person", "name": edit.author}
        out.append(annotation)
    return out


def is_structure(item: Any) -> bool:
    """Whether a W3C annotation is a structure edit (see :func:`structure_annotations`)."""
    body = item.get("body") if isinstance(item, dict) else None
    bodies = body if isinstance(body, list) else [body]
    return any(isinstance(b, dict) and b.get("format") == STRUCTURE_FORMAT for b in bodies)


@dataclass(frozen=True)
class ImportConflict:
    """A colleague's correction that overlaps one in force here: theirs is kept in the history
    (reverted), ours stays in force. What a user needs to find and weigh the two."""

    page_id: int
    page_name: str
    #: where their correction starts in the page's raw text (code points)
    raw_start: int
    #: what the OCR read under their correction
    ocr: str
    theirs: str
    their_author: str
    #: the local correction in force that it overlaps (its replacement and author)
    ours: str
    our_author: str
    #: "" for a correction; for a structure edit its kind (break, role, section, section_kind,
    #: move): then ``theirs`` and ``ours`` are the two edits' values (yes/no, the role, the
    #: section's kind; for a move the words of the section each moves before, "" for the end),
    #: and ``where`` the words at their place, so that a window words them in its language
    structure: str = ""
    where: str = ""

    def line(self) -> str:
        """One line for a report: page, what the OCR read, yours (kept), theirs (in the history)."""
        ours, theirs = self.ours, self.theirs
        if self.structure:
            ours, theirs = self._structure_words(ours), self._structure_words(theirs)
        return (
            f"{self.page_name}, character {self.raw_start}: {self.ocr} → yours {ours} ({self.our_author or '?'}) kept, "
            f"theirs {theirs} ({self.their_author or '?'}) in the history"
        )

    def _structure_words(self, value: str) -> str:
        if self.structure == "move":
            return f"move before 「{value}」" if value else "move to the end"
        return f"{self.structure} {value}"


@dataclass
class CorrectionImport:
    """What importing corrections did."""

    applied: int = 0
    known: int = 0
    conflicts: int = 0
    #: Corrections whose page is not in the library, or whose text is not on it.
    skipped: int = 0
    #: Each conflict, in the file's order (``conflicts`` counts them, structure edits' too).
    conflict_list: list[ImportConflict] = field(default_factory=list)
    #: Structure edits (split, join, roles, kinds, order) applied and already here.
    structure_applied: int = 0
    structure_known: int = 0

    def summary(self) -> str:
        line = f"corrections applied {self.applied}, already here {self.known}, conflicts {self.conflicts}"
        if self.structure_applied or self.structure_known:
            line += (
                f", structure edits applied {self.structure_applied}, already here {self.structure_known}"
            )
        if self.skipped:
            line += f", skipped {self.skipped}"
        return line


@dataclass(frozen=True)
class _Incoming:
    uuid: str
    page_id: int
    raw_start: int
    raw_end: int
    replacement: str
    author: str
    created: datetime | None


def correction_items(data: bytes | str) -> list[Any]:
    """The corrections and structure edits of a W3C file (a collection, a page, a list or one
    annotation)."""
    import json

    if _surely_none(data):
        return []
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, ValueError):
        return []
    if isinstance(doc, dict) and isinstance(doc.get("first"), dict):
        doc = doc["first"]
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        doc = doc["items"]
    items = doc if isinstance(doc, list) else [doc]
    return [item for item in items if is_structure(item) or is_correction(item)]


def _surely_none(data: bytes | str) -> bool:
    """True when the file cannot hold a correction, seen without parsing it again (an import
    has parsed it once already): UTF-8 holding neither the word ``editing``, nor the structure
    edits' format, nor a ``\\u`` escape (which could spell them)."""
    if isinstance(data, (bytes, bytearray)):
        import json

        if json.detect_encoding(data) not in ("utf-8", "utf-8-sig"):
            return False
        return b"editing" not in data and STRUCTURE_FORMAT.encode() not in data and b"\\u" not in data
    return "editing" not in data and STRUCTURE_FORMAT not in data and "\\u" not in data


def import_corrections(library: Library, items: list[Any]) -> CorrectionImport:
    """Apply the corrections among ``items`` (W3C annotations); see the module docstring."""
    report = CorrectionImport()
    #: each page's raw text, read once in this import
    raws: dict[int, str] = {}
    incoming: list[_Incoming] = []
    structures: list[_IncomingStructure] = []
    for item in items:
        if is_structure(item):
            edit = _read_structure(item, raws)
            if edit is None:
                report.skipped += 1
            else:
                structures.append(edit)
            continue
        if not is_correction(item):
            continue
        found = _read(item, raws)
        if found is None:
            report.skipped += 1
        else:
            incoming.append(found)
    if not incoming and not structures:
        return report
    # Per page: the local corrections (with those this import adds) as (uuid, span, in force, author).
    local: dict[int, list[tuple[str, Edit, bool, str]]] = {}
    names: dict[int, str] = {}
    with library._step(IMPORT_STEP) as rec:
        for item in incoming:
            library._enter_page(rec, item.page_id)
            if item.page_id not in local:
                local[item.page_id] = [
                    (c.uuid, Edit(c.raw_start, c.raw_end, c.replacement), c.in_force, c.author)
                    for c in library.corrections_of(item.page_id)
                ]
            here = local[item.page_id]
            mine = Edit(item.raw_start, item.raw_end, item.replacement)
            # The same correction (even one an editor here reverted) is not brought in twice.
            if any(uuid == item.uuid or edit == mine for uuid, edit, _, _ in here):
                report.known += 1
                continue
            in_force = effective_edits(edit for _, edit, live, _ in here if live)
            ours = next((e for e in in_force if _overlaps(mine, e) and e != mine), None)
            clash = ours is not None
            here.append((item.uuid, mine, not clash, item.author))
            library._add_correction(
                rec,
                item.page_id,
                item.raw_start,
                item.raw_end,
                item.replacement,
                uuid=item.uuid,
                author=item.author,
                created=item.created,
                state="reverted" if clash else "in_force",
            )
            if ours is not None:
                report.conflicts += 1
                if item.page_id not in names:
                    names[item.page_id] = library.page_info(item.page_id).name
                raw = _raw_of(raws, item.page_id)
                our_author = next((a for _, e, live, a in here if live and e == ours), "")
                report.conflict_list.append(
                    ImportConflict(
                        page_id=item.page_id,
                        page_name=names[item.page_id],
                        raw_start=item.raw_start,
                        ocr=raw[item.raw_start : item.raw_end],
                        theirs=item.replacement,
                        their_author=item.author,
                        ours=ours.replacement,
                        our_author=our_author,
                    )
                )
            else:
                report.applied += 1
        _import_structures(library, rec, structures, report, names, raws)
    return report


@dataclass(frozen=True)
class _IncomingStructure:
    page_id: int
    spec: Any
    author: str
    created: datetime | None


def _target_page(item: dict[str, Any]) -> tuple[dict[str, Any], int] | None:
    """An annotation's target and the id of the page it names (by its raw source), None when
    the target or the page cannot be found."""
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, dict):
        return None
    source = _RAW_SOURCE.match(str(target.get("source", "")))
    if source is None:
        return None
    page_id = _find_page(source["sha"], source["issue"])
    if page_id is None:
        return None
    return target, page_id


def _author(item: dict[str, Any]) -> str:
    creator = item.get("creator")
    author = (
        creator.get("name", "") if isinstance(creator, dict) else creator if isinstance(creator, str) else ""
    )
    return str(author)


def _raw_of(raws: dict[int, str], page_id: int) -> str:
    """The page's raw text, read once per import (``raws`` is the import's cache)."""
    if page_id not in raws:
        raws[page_id] = Page.select(Page.raw_text).where(Page.id == page_id).scalar() or ""
    return raws[page_id]


def _read_structure(item: dict[str, Any], raws: dict[int, str]) -> _IncomingStructure | None:
    """A structure edit from its annotation; None when its page cannot be found or its edit
    means nothing here (an unknown kind, role or section kind; offsets off the page)."""
    import json

    from models.errors import DubaoError
    from models.proofreading.structure import StructureSpec, check_spec

    found = _target_page(item)
    if found is None:
        return None
    page_id = found[1]
    body = item.get("body")
    bodies = body if isinstance(body, list) else [body]
    value = next(
        (b.get("value") for b in bodies if isinstance(b, dict) and b.get("format") == STRUCTURE_FORMAT), None
    )
    try:
        edit = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):  # not JSON, or [[[[… nested past Python's decoder
        return None
    if not isinstance(edit, dict):
        return None
    kind, start, end, what = edit.get("kind"), edit.get("raw_start"), edit.get("raw_end", 0), edit.get("value", "")
    if (
        kind not in STRUCTURE_KINDS
        or not isinstance(start, int)
        or not isinstance(end, int)
        or not isinstance(what, str)
        or len(what) > 32
    ):
        return None
    raw = _raw_of(raws, page_id)
    spec = StructureSpec(kind, start, end, what)
    try:
        check_spec(spec)  # the kind's value: yes/no, a role over a span, a section's kind
    except DubaoError:
        return None
    if start > len(raw) or not (0 <= end <= len(raw) or (kind == "move" and end == -1)):
        return None  # a move's -1: to the end
    return _IncomingStructure(page_id, spec, _author(item), parse_time(item.get("created")))


def _import_structures(
    library: Library,
    rec: Any,
    structures: list[_IncomingStructure],
    report: CorrectionImport,
    names: dict[int, str],
    raws: dict[int, str],
) -> None:
    """Apply a colleague's structure edits under the import's step: the same edit (any state)
    is known; one that says otherwise about a place where an edit here is in force is kept in
    the history as reverted and reported; the others are applied with their author and time."""
    from models.proofreading.structure import StructureSpec, clashes

    local: dict[int, list[tuple[StructureSpec, bool, str]]] = {}
    for item in structures:
        library._enter_page(rec, item.page_id)
        if item.page_id not in local:
            local[item.page_id] = [
                (StructureSpec(e.kind, e.raw_start, e.raw_end, e.value), e.in_force, e.author)
                for e in library.structure_edits(item.page_id)
            ]
        here = local[item.page_id]
        if any(spec == item.spec for spec, _, _ in here):
            report.structure_known += 1
            continue
        ours = next(
            ((spec, author) for spec, live, author in here if live and clashes(spec, item.spec)), None
        )
        state = "reverted" if ours is not None else "in_force"
        library._add_structure(rec, item.page_id, item.spec, state, author=item.author, created=item.created)
        here.append((item.spec, ours is None, item.author))
        if ours is None:
            report.structure_applied += 1
            continue
        report.conflicts += 1
        if item.page_id not in names:
            names[item.page_id] = library.page_info(item.page_id).name
        raw = _raw_of(raws, item.page_id)
        report.conflict_list.append(
            ImportConflict(
                page_id=item.page_id,
                page_name=names[item.page_id],
                raw_start=item.spec.raw_start,
                ocr="".join(raw[item.spec.raw_start : item.spec.raw_start + 16].split())[:8] + "…",
                theirs=_conflict_value(item.spec, raw),
                their_author=item.author,
                ours=_conflict_value(ours[0], raw),
                our_author=ours[1],
                structure=item.spec.kind,
                where=_where(item.spec, raw),  # type: ignore[arg-type]  # kind and raw offsets suffice
            )
        )


def _conflict_value(spec: Any, raw: str) -> str:
    """A structure edit's value as a conflict names it; a move's: the words of the section it
    moves before ("": to the end)."""
    if spec.kind == "move":
        return _snippet(raw, spec.raw_end) if spec.raw_end >= 0 else ""
    return str(spec.value)


def _read(item: dict[str, Any], raws: dict[int, str]) -> _Incoming | None:
    ident = item.get("id")
    match = re.match(r"^urn:uuid:([0-9a-fA-F-]{36})$", ident) if isinstance(ident, str) else None
    try:
        uuid = str(uuidlib.UUID(match.group(1))) if match else str(uuidlib.uuid4())
    except ValueError:
        uuid = str(uuidlib.uuid4())
    found = _target_page(item)
    if found is None:
        return None
    target, page_id = found
    body = item.get("body")
    bodies = body if isinstance(body, list) else [body]
    replacement = next(
        (
            b["value"]
            for b in bodies
            if isinstance(b, dict) and b.get("purpose") == "editing" and isinstance(b.get("value"), str)
        ),
        None,
    )
    if replacement is None:
        return None
    span = _span(_raw_of(raws, page_id), target.get("selector"))
    if span is None:
        return None
    if span[0] == span[1] and not replacement:
        return None
    return _Incoming(uuid, page_id, span[0], span[1], replacement, _author(item), parse_time(item.get("created")))


def _span(raw: str, selectors: Any) -> tuple[int, int] | None:
    """Where the correction goes: the position if the quote is there, else the quote."""
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    position = next(
        (s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), None
    )
    start = end = None
    if (
        position is not None
        and isinstance(position.get("start"), int)
        and isinstance(position.get("end"), int)
    ):
        start, end = position["start"], position["end"]
        if not 0 <= start <= end <= len(raw):
            start = end = None
    if quote is None:
        return (start, end) if start is not None and end is not None else None
    exact = str(quote.get("exact", ""))
    if start is not None and end is not None and raw[start:end] == exact:
        return start, end
    if not exact:
        return None
    found = reanchor(raw, exact, str(quote.get("prefix", "")), str(quote.get("suffix", "")), start)
    return found


def _find_page(sha256: str, issue: str) -> int | None:
    from models.annotations.exchange import issue_key

    rows = list(
        Page.select(Page.id, Issue.date, Issue.paper).join(Issue).where(Page.sha256 == sha256).tuples()
    )
    if not rows:
        return None
    for page_id, date, paper in rows:
        stub = IssueInfo(
            id=0, paper=paper, date=date, title="", page_count=None, pages=0, created=datetime.min
        )
        if issue_key(stub) == issue:
            return int(page_id)
    return int(rows[0][0])
