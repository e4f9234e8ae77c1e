"""Plain, immutable records of annotations that the service hands out (no peewee objects)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime


@dataclass(frozen=True)
class CategoryInfo:
    """A highlight category: its name, its colours (``#rrggbb``) and its place (keys 1–9)."""

    id: int
    name: str
    light_colour: str
    dark_colour: str
    position: int

    def colour(self, dark: bool = False) -> str:
        return self.dark_colour if dark else self.light_colour


@dataclass(frozen=True)
class TagInfo:
    """A free tag and how many live highlights carry it."""

    id: int
    name: str
    colour: str | None
    count: int = 0


@dataclass(frozen=True)
class HighlightInfo:
    """A highlight as the panel and the page show it.

    ``start``/``end`` are code points into the section's text (:func:`section_text`), end
    exclusive. ``anchored`` is False when the text changed and the quote could not be placed
    with confidence: the highlight is kept, listed with its quote, but not painted.
    """

    id: int
    uuid: str
    page_id: int
    section_id: int | None
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str
    category_id: int
    created: datetime
    updated: datetime
    deleted: bool = False
    anchored: bool = True
    tags: tuple[str, ...] = ()
    note: str = ""
    #: Where it is, for library-wide lists: the issue, the page's label, the section's ordinal.
    issue_id: int | None = None
    page_label: str = ""
    section_ordinal: int | None = None
    #: Counts its saved changes; ``author`` made the last (issue 13, several writers).
    version: int = 1
    author: str = ""

    @classmethod
    def from_values(cls, values: tuple) -> HighlightInfo:
        """A record from every field's value in the order declared, made without the frozen
        ``__init__``'s per-field ``object.__setattr__`` (a page opened makes one per highlight:
        a third of the time for 1,000). Equal to ``HighlightInfo(*values)``."""
        info = object.__new__(cls)
        info.__dict__.update(zip(_HIGHLIGHT_FIELDS, values))
        return info


_HIGHLIGHT_FIELDS = tuple(f.name for f in fields(HighlightInfo))


@dataclass(frozen=True)
class Changed:
    """What an operation (or its undo/redo) changed, so each view refreshes only if concerned."""

    label: str
    highlight_ids: frozenset[int] = frozenset()
    page_ids: frozenset[int] = frozenset()
    tags: bool = False
    categories: bool = False
    #: The pages' current text or structure changed (a correction, its undo): views re-render them.
    text: bool = False


@dataclass
class PlacingReport:
    """What re-anchoring a page did: highlights moved to their words, and those left unanchored."""

    moved: list[int] = field(default_factory=list)
    unanchored: list[int] = field(default_factory=list)
    recovered: list[int] = field(default_factory=list)
