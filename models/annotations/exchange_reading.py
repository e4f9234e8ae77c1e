"""Reading a colleague's W3C Web Annotation file, within limits, before anything is merged.

A file is refused whole (one line naming the annotation and what is wrong) when it is not an
annotation file: bad JSON, nesting deeper than any W3C file, an id that is not a ``urn:uuid``,
a target that is no Dubao page, text that is not valid Unicode (a lone surrogate such as
``\\ud800``), a position beyond any text. Oversized parts are cut and counted, so the import
report can say so: a note is cut to :data:`MAX_NOTE_CHARS`, a highlight keeps its first
:data:`MAX_TAGS` tags, tag and category names are cut to 64 characters.
"""

from __future__ import annotations

import json
import os
import re
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from models.anchoring import SelectorError, read_selectors
from models.anchoring.selectors import Selectors
from models.annotations.categories import MAX_NAME, normalise_name
from models.errors import DubaoError

#: Largest annotation file read (a W3C file of 100,000 highlights is about 60 MB).
MAX_IMPORT_BYTES = 128 * 1024 * 1024
#: Most annotations one file may bring in (a bigger file is refused, not half-read).
MAX_ANNOTATIONS = 200_000
#: A longer note is cut to this many characters (a 100 MB note made its page take 88 s to open).
MAX_NOTE_CHARS = 20_000
#: Tags kept per highlight; the rest are dropped and counted.
MAX_TAGS = 32
#: A W3C file nests collection > page > annotation > target > selector: far fewer levels than this.
MAX_DEPTH = 3

_SOURCE = re.compile(
    r"^urn:dubao:issue:(?P<issue>[^:]*):page:(?P<sha>[0-9a-f]{64}):section:(?P<section>\d{1,6})$"
)


@dataclass
class Incoming:
    """One annotation read from a file (names normalised, oversized parts cut)."""

    uuid: str
    sha256: str
    issue: str
    section: int
    selectors: Any
    #: The category's name, normalised as the library stores names; None when absent or blank.
    category: str | None
    tags: list[str]
    note: str
    created: datetime | None
    #: True when a classifying body was there but its name was blank (whitespace only).
    blank_category: bool = False
    note_cut: bool = False
    tags_dropped: int = 0
    names_cut: int = 0
    #: ``read_selectors(selectors)``, kept from reading the file (None: read them again).
    read: Selectors | None = field(default=None, compare=False, repr=False)


def read_annotation_file(path: str | os.PathLike[str]) -> bytes:
    """A W3C file's bytes: a regular file of at most :data:`MAX_IMPORT_BYTES` (InputFileError else)."""
    from models.input_files import read_input

    return read_input(path, MAX_IMPORT_BYTES, "an annotation file")


def read_w3c(data: bytes | str) -> list[Incoming]:
    """The annotations of a W3C file (a collection, a page, a list or one annotation)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise DubaoError(f"larger than {MAX_IMPORT_BYTES // 1048576} MB, the limit for an annotation file")
    try:
        doc = json.loads(data)
    except RecursionError:
        raise DubaoError("not an annotation file (JSON nested far too deeply)") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise DubaoError(f"not a JSON file ({_short(exc)})") from None
    # Corrections ("motivation": "editing") and structure edits are imported by
    # models.proofreading.exchange.
    items = [item for item in _items(doc, 0) if not _is_correction(item)]
    if len(items) > MAX_ANNOTATIONS:
        raise DubaoError(f"{len(items):,} annotations is more than one import takes ({MAX_ANNOTATIONS:,})")
    return [_incoming(item, n) for n, item in enumerate(items, start=1)]


def _is_correction(item: Any) -> bool:
    from models.proofreading.exchange import is_correction, is_structure

    return is_correction(item) or is_structure(item)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _items(doc: Any, depth: int) -> list[Any]:
    if depth > MAX_DEPTH:
        raise DubaoError("not a W3C annotation file (collections nested too deeply)")
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise DubaoError("not a W3C annotation file (expected a JSON object)")
    kind = doc.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "AnnotationCollection" in kinds:
        first = doc.get("first")
        if isinstance(first, dict):
            return _items(first, depth + 1)
        if "items" in doc:
            return _items({"type": "AnnotationPage", "items": doc["items"]}, depth + 1)
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
    raise DubaoError(f"not a W3C annotation file (type {str(kind)[:40]!r})")


def _unicode(value: str, where: str, what: str) -> str:
    """The text as it is, or a DubaoError when it holds a lone surrogate (not storable as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start]
        raise DubaoError(
            f"{where}: its {what} holds a lone surrogate (\\u{ord(bad):04x}), not valid Unicode text"
        ) from None
    return value


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
        raise DubaoError(f"{where}: its id {str(ident)[:60]!r} is not a urn:uuid")
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, dict):
        raise DubaoError(f"{where}: no target")
    source = _SOURCE.match(str(target.get("source", ""))[:300])
    if source is None:
        raise DubaoError(
            f"{where}: its target {str(target.get('source'))[:80]!r} is not a Dubao page (urn:dubao:…)"
        )
    selectors = target.get("selector")
    try:
        sel = read_selectors(selectors)
    except SelectorError as exc:
        raise DubaoError(f"{where}: {exc}") from None
    for what, text in (("quoted text", sel.exact or ""), ("prefix", sel.prefix), ("suffix", sel.suffix)):
        _unicode(text, where, what)
    found = Incoming(
        uuid, source["sha"], source["issue"], int(source["section"]), selectors, None, [], "", None
    )
    found.read = sel
    found.created = parse_time(item.get("created"))
    _read_bodies(item.get("body", []), where, found)
    return found


def _read_bodies(bodies: Any, where: str, found: Incoming) -> None:
    notes: list[str] = []
    seen_category = False
    tags: dict[str, None] = {}
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purpose = body.get("purpose")
        value = _unicode(body["value"], where, f"{purpose or 'body'} text")
        if purpose == "classifying" and not seen_category:
            seen_category = True
            name = normalise_name(value)
            found.names_cut += len(" ".join(value.split())) > MAX_NAME
            found.category = name or None
            found.blank_category = not name
        elif purpose == "tagging":
            name = normalise_name(value)
            if name:
                found.names_cut += len(" ".join(value.split())) > MAX_NAME
                tags.setdefault(name, None)
        elif purpose == "commenting":
            notes.append(value)
    found.tags = list(tags)[:MAX_TAGS]
    found.tags_dropped = max(0, len(tags) - MAX_TAGS)
    note = "\n\n".join(notes)
    if len(note) > MAX_NOTE_CHARS:
        note = note[:MAX_NOTE_CHARS]
        found.note_cut = True
    found.note = note


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time from an exchange file as naive UTC, or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment
