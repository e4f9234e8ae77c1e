"""An export item written as text without the steps between (issue 11: 100,000 highlights).

:func:`annotation_json` is ``json.JSONEncoder(ensure_ascii=False).encode(to_annotation(item))``
put together directly: the same encoder for every string, the same separators, the same order
of keys, without building the annotation's dicts and walking them again. :class:`Sources`
gives :func:`~models.annotations.exchange.source_iri` with the issue and page part worked out
once a page. ``tests/test_exchange_collect.py`` compares both ways on varied items.
"""

from __future__ import annotations

from datetime import datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.annotations.exchange import ExportItem

_text = encode_basestring  # what JSONEncoder(ensure_ascii=False) writes a str as
_number = int.__repr__  # and an int


def iso(moment: datetime) -> str:
    """A time as exports write it: to the second, ``Z`` after (times are kept in UTC)."""
    return moment.isoformat(timespec="seconds") + "Z"


class Sources:
    """``source_iri(item.issue, item.page, item.section_index)``, its issue and page part kept
    while items of the same page follow each other."""

    def __init__(self) -> None:
        self._issue: object = None
        self._page: object = None
        self._head = ""

    def __call__(self, item: ExportItem) -> str:
        if item.page is not self._page or item.issue is not self._issue:
            from models.annotations.exchange import issue_key

            self._issue, self._page = item.issue, item.page
            self._head = f"urn:dubao:issue:{issue_key(item.issue)}:page:{item.page.sha256}:section:"
        return f"{self._head}{item.section_index or 0}"


def annotation_json(item: ExportItem, source: str) -> str:
    """:func:`~models.annotations.exchange.to_annotation` as JSON (``source``: the item's IRI)."""
    h = item.highlight
    body = ['{"type": "TextualBody", "purpose": "classifying", "value": ', _text(item.category.name), "}"]
    for tag in h.tags:
        body += [', {"type": "TextualBody", "purpose": "tagging", "value": ', _text(tag), "}"]
    if h.note:
        body += [
            ', {"type": "TextualBody", "purpose": "commenting", "value": ',
            _text(h.note),
            ', "format": "text/plain"}',
        ]
    return "".join(
        [
            '{"id": ',
            _text(f"urn:uuid:{h.uuid}"),
            ', "type": "Annotation", "motivation": "highlighting", "created": ',
            _text(iso(h.created)),
            ', "modified": ',
            _text(iso(h.updated)),
            ', "body": [',
            *body,
            '], "target": {"source": ',
            _text(source),
            ', "selector": [{"type": "TextQuoteSelector", "exact": ',
            _text(h.exact),
            ', "prefix": ',
            _text(h.prefix),
            ', "suffix": ',
            _text(h.suffix),
            '}, {"type": "TextPositionSelector", "start": ',
            _number(h.start),
            ', "end": ',
            _number(h.end),
            "}]}}",
        ]
    )
