"""Highlight categories: the default set for editors, learners and researchers, and checks.

Colours belong to categories (never to a highlight): a light-theme and a dark-theme variant,
each ``#rrggbb``. The first nine categories by position get the keys 1–9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.errors import DubaoError


@dataclass(frozen=True)
class DefaultCategory:
    name: str
    #: What it is for, in English (tooltips, the English UI).
    meaning: str
    light_colour: str
    dark_colour: str


#: The set a new library starts with: an editor's (错字, 存疑), a learner's (生词),
#: a researcher's (人名, 地名, 要点).
DEFAULT_CATEGORIES: tuple[DefaultCategory, ...] = (
    DefaultCategory("错字", "OCR error", "#f4a3a3", "#8c3b3b"),
    DefaultCategory("存疑", "to check", "#f7d774", "#80661c"),
    DefaultCategory("生词", "new word", "#a5d99c", "#3d6b35"),
    DefaultCategory("人名", "name", "#a7c7f2", "#33578c"),
    DefaultCategory("地名", "place", "#d4b5f0", "#5d4286"),
    DefaultCategory("要点", "key point", "#f8be8c", "#8a552a"),
)

MEANINGS = {c.name: c.meaning for c in DEFAULT_CATEGORIES}

#: Colour given to a category that arrives without one (an imported file's unknown category).
FALLBACK_COLOURS = ("#d0d0d0", "#5a5a5a")

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: Longest category or tag name.
MAX_NAME = 64


def normalise_name(name: str) -> str:
    """A category or tag name as the library stores and looks it up: whitespace runs collapsed
    to one space, trimmed, cut to :data:`MAX_NAME` characters (empty when blank)."""
    return " ".join((name or "").split())[:MAX_NAME].strip()


def check_colour(colour: str) -> str:
    """A colour as stored: ``#rrggbb`` in lower case; anything else is a DubaoError."""
    if not isinstance(colour, str) or not _COLOUR.match(colour.strip()):
        raise DubaoError(f"{colour!r} is not a colour like #f4a3a3")
    return colour.strip().lower()


def check_name(name: str, what: str = "category") -> str:
    """A category or tag name as stored: trimmed, one line, not empty."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise DubaoError(f"a {what} needs a name")
    if len(cleaned) > MAX_NAME:
        raise DubaoError(f"a {what} name is at most {MAX_NAME} characters")
    return cleaned
