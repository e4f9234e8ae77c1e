"""Plain text made safe for Qt's tooltips and menu items."""

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


def menu_text(text: str) -> str:
    """Plain text (a page's words, a path, a category's name) as a menu item's or an action's
    text: QAction text is never rich text, but an "&" would be read as an access key
    ("R&D" shown as "RD", Alt+D taken)."""
    return text.replace("&", "&&")


#: Lines up to this many characters stay on one line in a tooltip; longer ones wrap.
ONE_LINE = 60


def tooltip(text: str) -> str:
    """Document text (a headline, a note, a search hit's context) as a tooltip that shows it as
    written. Qt reads a tooltip as rich text only when it looks like markup, so escaping alone
    would show ``A &amp; B`` for ``A & B``: the escaped text is wrapped in a paragraph that keeps
    its spaces and line breaks, which Qt always reads as rich text. Rich text wraps short lines
    too (a headline broke after a few characters), so short lines keep ``white-space:pre``; a
    long note wraps (``pre-wrap``)."""
    longest = max(map(len, text.splitlines()), default=0)
    space = "pre" if longest <= ONE_LINE else "pre-wrap"
    return f'<p style="white-space:{space}">' + escaped(text) + "</p>"
