"""W3C selectors for a highlight: the quote with its context, the position, the text's hash.

A highlight is stored three ways so it survives a re-parse or a correction of its section's
text: a TextQuoteSelector (the exact words, with up to 32 code points of prefix and suffix),
a TextPositionSelector (code-point offsets, end exclusive) and a hash of the text both were
taken from. Offsets here are Python string indices, i.e. Unicode code points: 𠀀 counts as one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.errors import DubaoError
from models.page_file import text_hash

#: Code points of context kept on each side of the quote (the W3C/Hypothesis convention).
CONTEXT_LENGTH = 32
#: Largest offset a TextPositionSelector may give: no section's text comes near (a page is <= 5 MB).
MAX_OFFSET = 1_000_000_000


class SelectorError(DubaoError):
    """A selector that cannot be read: wrong type, missing field, impossible offsets."""


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits in the text it was made on, in every form that helps find it again.

    text_hash is models.page_file.text_hash of that text (SHA-256 of its UTF-8, hex), the same
    fingerprint the library keeps for pages, so an unchanged section needs no re-anchoring.
    """

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str | None = None

    def to_w3c(self) -> list[dict[str, Any]]:
        """The W3C Web Annotation selectors (quote first, then position)."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """Selectors for text[start:end]; a bad span (empty, reversed, out of the text) is a DubaoError."""
    if (
        not (isinstance(start, int) and isinstance(end, int))
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        raise SelectorError(f"span offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise SelectorError(f"span {start}-{end} is empty or outside a text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
        text_hash=text_hash(text),
    )


@dataclass(frozen=True)
class Selectors:
    """What a list of W3C selectors says, read and checked: a quote, a position, or both."""

    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None


def _string_field(selector: Mapping[str, Any], name: str, required: bool) -> str:
    value = selector.get(name)
    if value is None:
        if required:
            raise SelectorError(f"TextQuoteSelector has no {name!r}")
        return ""
    if not isinstance(value, str):
        raise SelectorError(f"TextQuoteSelector {name!r} must be a string, got {type(value).__name__}")
    return value


def _offset_field(selector: Mapping[str, Any], name: str) -> int:
    value = selector.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SelectorError(
            f"TextPositionSelector {name!r} must be a non-negative integer, got {value!r:.40}"
        )
    if value > MAX_OFFSET:
        raise SelectorError(f"TextPositionSelector {name!r} lies beyond any text (more than {MAX_OFFSET:,})")
    return value


def read_selectors(selectors: Any) -> Selectors:
    """Read W3C selectors (a list of selector objects, or one); other selector types are ignored.

    A list with neither a TextQuoteSelector nor a TextPositionSelector is a DubaoError, and so is
    an empty quote or a position whose end comes before its start.
    """
    if isinstance(selectors, Anchor):
        return Selectors(selectors.exact, selectors.prefix, selectors.suffix, selectors.start, selectors.end)
    if isinstance(selectors, Mapping):
        selectors = [selectors]
    if not isinstance(selectors, (list, tuple)):
        raise SelectorError(f"selector must be a list of W3C selectors, got {type(selectors).__name__}")
    exact: str | None = None
    prefix = suffix = ""
    start: int | None = None
    end: int | None = None
    for selector in selectors:
        if not isinstance(selector, Mapping):
            raise SelectorError(f"each selector must be an object, got {type(selector).__name__}")
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and exact is None:
            exact = _string_field(selector, "exact", required=True)
            if not exact:
                raise SelectorError("TextQuoteSelector has an empty 'exact'")
            prefix = _string_field(selector, "prefix", required=False)
            suffix = _string_field(selector, "suffix", required=False)
        elif kind == "TextPositionSelector" and start is None:
            start, end = _offset_field(selector, "start"), _offset_field(selector, "end")
            if end < start:
                raise SelectorError(f"TextPositionSelector ends ({end}) before it starts ({start})")
    if exact is None and start is None:
        raise SelectorError("no TextQuoteSelector or TextPositionSelector among the selectors")
    return Selectors(exact, prefix, suffix, start, end)
