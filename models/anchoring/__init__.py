"""Anchoring highlights to a section's text so that corrections and re-parses do not lose them.

make_anchor() records a span as W3C selectors (quote with 32-character context, position, and a
hash of the text); resolve() finds it again in a changed text, or returns None (unanchored).
Offsets are Unicode code points, end exclusive.
"""

from __future__ import annotations

from models.anchoring.resolve import reanchor, resolve
from models.anchoring.selectors import (
    CONTEXT_LENGTH,
    Anchor,
    SelectorError,
    Selectors,
    make_anchor,
    read_selectors,
    text_hash,
)

__all__ = [
    "CONTEXT_LENGTH",
    "Anchor",
    "SelectorError",
    "Selectors",
    "make_anchor",
    "read_selectors",
    "reanchor",
    "resolve",
    "text_hash",
]
