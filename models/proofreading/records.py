"""Plain records the proofreading API hands out (no peewee objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from models.library.records import CorrectionInfo

#: Page statuses, in the order an editor goes through them.
PAGE_STATUSES = ("unchecked", "in_progress", "done")


@dataclass(frozen=True)
class StructureEditInfo:
    """A structure edit as stored: see :mod:`models.proofreading.structure` for the kinds."""

    id: int
    page_id: int
    batch_id: int | None
    kind: str
    raw_start: int
    raw_end: int
    value: str
    author: str
    created: datetime
    state: str = "in_force"
    reverted: datetime | None = None

    @property
    def in_force(self) -> bool:
        return self.state == "in_force"


@dataclass(frozen=True)
class CorrectedMark:
    """Characters of a section's current text that a correction put there (for the quiet
    underline and its tooltip): ``section_text[start:end]``; an empty span marks a deletion.
    ``original`` is what the OCR read there."""

    section: int
    start: int
    end: int
    correction_id: int | None
    original: str
    replacement: str
    author: str
    created: datetime | None


@dataclass(frozen=True)
class TitleLine:
    """A head block of a section (``role``: kicker, heading, subheading or byline) and its text
    as shown."""

    role: str
    text: str


@dataclass(frozen=True)
class EditResult:
    """What one editing step wrote, committed before it was returned.

    ``changed`` is False when the step wrote nothing (the text already read so); ``batch_id``
    is the batch of the corrections and structure edits it made (None for a revert).
    ``moved`` and ``unanchored`` are the highlights that followed their words or could not.
    """

    batch_id: int | None
    label: str
    changed: bool = False
    corrections: list[CorrectionInfo] = field(default_factory=list)
    structure_edits: list[StructureEditInfo] = field(default_factory=list)
    #: Corrections and structure edits this step set aside (reverted) as part of it.
    reverted_corrections: list[int] = field(default_factory=list)
    reverted_structure_edits: list[int] = field(default_factory=list)
    page_ids: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    unanchored: list[int] = field(default_factory=list)
    #: For a series correction: how many occurrences it corrected.
    occurrences: int = 0
    #: For a join of articles: the next article's title lines that became paragraphs.
    became_body: list[TitleLine] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a page's history, newest first in :meth:`Library.page_history`.

    ``what`` is ``correction`` or a structure kind (``break``, ``role``, ``section``,
    ``section_kind``, ``move``). For a correction ``old`` is what the OCR read there and
    ``new`` the replacement; for a structure edit both describe it in words. ``state`` is
    ``in_force``, ``reverted`` or ``superseded`` (in force, but a newer correction covers it).
    """

    id: int
    what: str
    page_id: int
    batch_id: int | None
    author: str
    created: datetime
    old: str
    new: str
    state: str
    raw_start: int
    raw_end: int
    reverted: datetime | None = None
    #: A structure edit's value (yes/no, the role, the kind; for a move, the target's raw offset
    #: is ``raw_end``), so that a UI can word it in its own language.
    value: str = ""
    #: A structure edit's place in words: the first characters at ``raw_start`` (for a move,
    #: ``target``: at ``raw_end``, "" for "to the end"), as ``old``/``new`` quote them.
    where: str = ""
    target: str = ""
    #: A correction's place: the raw text around it with what it replaced in 【】 (several
    #: corrections of the same word on a page are told apart by it).
    context: str = ""
    #: A colleague's correction (or structure edit) that an import set aside as soon as it came
    #: in, because it overlapped (clashed with) one in force here (``state`` is ``reverted``):
    #: nobody here reverted it.
    import_conflict: bool = False


@dataclass(frozen=True)
class DiffOp:
    """One step of a text diff: ``equal``, ``replace``, ``insert`` or ``delete``.

    ``old``/``new`` are the texts on each side; ``old_start``/``new_start`` their offsets
    (code points) in the old and new section texts.
    """

    op: str
    old: str
    new: str
    old_start: int
    new_start: int


@dataclass(frozen=True)
class SectionDiff:
    """The diff of one section: its index on each side (None: absent there), its ops."""

    old_section: int | None
    new_section: int | None
    ops: list[DiffOp]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)


@dataclass(frozen=True)
class IssueProgress:
    """How far proofreading of an issue has come (for the library panel)."""

    issue_id: int
    unchecked: int
    in_progress: int
    done: int

    @property
    def total(self) -> int:
        return self.unchecked + self.in_progress + self.done


@dataclass(frozen=True)
class Occurrence:
    """One place where a series correction would apply (``search`` hit shape, section offsets)."""

    issue: int
    page: int
    section: int
    start: int
    end: int
    context: str

    def to_json(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "page": self.page,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "context": self.context,
        }


@dataclass(frozen=True)
class CheckerKnowledge:
    """What the library taught the checker (read by ``check --db``).

    ``words``: the library's word list. ``corrected_pairs``: (what the OCR read, what an
    editor made of it) -> how many corrections in force did so, for the shortest differing
    pieces (one character each where the lengths agree). ``dismissed``: (flagged text, kind)
    -> how many flags were dismissed.
    """

    words: list[str]
    corrected_pairs: dict[tuple[str, str], int]
    dismissed: dict[tuple[str, str], int]
