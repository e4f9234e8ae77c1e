"""Plain, immutable records the service layer hands to the UI (no peewee objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from models.section import Section

if TYPE_CHECKING:
    from models.library.corrections import Edit

Record = TypeVar("Record")


def from_row(record: type[Record], row: object, **given: Any) -> Record:
    """A record whose fields are the database row's columns of the same names, or ``given``."""
    return record(**{name: given[name] if name in given else getattr(row, name) for name in _names(record)})


@cache
def _names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


@dataclass(frozen=True)
class IssueInfo:
    """An issue as the library lists it."""

    id: int
    paper: str
    date: str | None
    title: str
    page_count: int | None
    #: Pages of this issue held in the library.
    pages: int
    created: datetime

    @property
    def label(self) -> str:
        """A name for lists: the title, else paper and date."""
        return self.title or " ".join(x for x in (self.paper, self.date) if x) or f"#{self.id}"


@dataclass(frozen=True)
class PageInfo:
    """A page as its issue lists it, in file-name order."""

    id: int
    issue_id: int
    number: int | None
    name: str
    position: int
    source_path: str | None
    sha256: str
    parser_version: str
    #: Proofreading status: ``unchecked``, ``in_progress`` or ``done``.
    status: str = "unchecked"
    #: Counts the steps that edited the page's text or structure (a version column, issue 13).
    version: int = 0


@dataclass(frozen=True)
class CorrectionInfo:
    """A proofreading edit over the raw text (code points, end exclusive).

    ``state`` is ``in_force`` or ``reverted`` (then ``reverted`` says when); ``batch_id``
    groups the corrections made as one step; ``uuid`` names it in W3C exports.
    """

    id: int
    page_id: int
    raw_start: int
    raw_end: int
    replacement: str
    author: str
    created: datetime
    batch_id: int | None = None
    state: str = "in_force"
    reverted: datetime | None = None
    uuid: str = ""

    @property
    def in_force(self) -> bool:
        return self.state == "in_force"


@dataclass(frozen=True)
class PageContent:
    """Everything the reader shows for a page.

    ``sections`` are as parsed and stored, with the editors' structure edits applied;
    ``current_sections`` have the corrections in force applied too. Both keep source maps
    into ``raw``. ``corrections`` lists every correction, reverted ones included.
    """

    info: PageInfo
    raw: str
    sections: list[Section] = field(default_factory=list)
    corrections: list[CorrectionInfo] = field(default_factory=list)
    #: Database ids of ``sections``, same order (highlights refer to them).
    section_ids: list[int] = field(default_factory=list)
    #: What is worked out from the fields once (the current sections, the layout): the record
    #: is read-only, and the library hands the same one out until the page changes.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def edits(self) -> list[Edit]:
        """The corrections in force as edits, oldest first (reverted ones left out)."""
        from models.library.corrections import Edit

        return [Edit(c.raw_start, c.raw_end, c.replacement) for c in self.corrections if c.in_force]

    @property
    def current_sections(self) -> list[Section]:
        """The sections' current text: raw text plus the correction layer (worked out once)."""
        from models.library.corrections import correct_sections

        cached = self.derived.get("current_sections")
        if cached is None:
            edits = self.edits
            cached = correct_sections(self.sections, edits, len(self.raw)) if edits else self.sections
            self.derived["current_sections"] = cached
        return cached
