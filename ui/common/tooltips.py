"""Plain text made safe for Qt's tooltips."""

from __future__ import annotations


def escaped(text: str) -> str:
    """``text`` with the characters rich text reads as markup escaped: what ``html.escape``
    returns (quotes too), without importing ``html`` and its entity tables at start-up (~1.5 ms
    of CPU before the first page: issue 11)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def tooltip(text: str) -> str:
    """Document text (a headline, a note, a search hit's context) as a tooltip that shows it as
    written. Qt reads a tooltip as rich text only when it looks like markup, so escaping alone
    would show ``A &amp; B`` for ``A & B``: the escaped text is wrapped in a paragraph that keeps
    its spaces and line breaks (``white-space:pre-wrap``), which Qt always reads as rich text."""
    return '<p style="white-space:pre-wrap">' + escaped(text) + "</p>"
