"""The proofreading layer: a page's current text is its raw text plus corrections.

A correction says "``raw[raw_start:raw_end]`` reads as ``replacement``" in raw-text
code points. The raw text is never changed; sections keep the source maps the parser
gave them, and a section's current text is derived by applying the corrections through
those maps (:func:`correct_texts`). Where corrections overlap, the newer one wins and
the older is set aside (it no longer describes the text an editor sees).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from models.errors import DubaoError
from models.section import HEAD_FIELDS, Section
from models.text import MappedText


class _CorrectionRow(Protocol):
    raw_start: int
    raw_end: int
    replacement: str
    state: str


R = TypeVar("R", bound=_CorrectionRow)


@dataclass(frozen=True)
class Edit:
    """One correction: ``raw[raw_start:raw_end]`` is replaced by ``replacement``."""

    raw_start: int
    raw_end: int
    replacement: str

    @property
    def is_insertion(self) -> bool:
        return self.raw_start == self.raw_end


def without_noops(raw: str, rows: Iterable[R]) -> list[R]:
    """Stored correction rows (oldest first; each with ``raw_start``, ``raw_end``,
    ``replacement`` and ``state``) without those that change nothing: a correction in force that
    puts back what the OCR read ("田 → 田") over no older correction in force. Versions before
    the window stopped writing those left some in libraries; every read of the correction rows
    leaves them out, so they are neither shown (no dotted underline, no history line), nor
    exported, nor counted. One that covers an older correction is kept (it takes that one back:
    leaving it out would put the older one in force again), and so is a reverted one (a state
    kept for Reinstate, as an undo refused over a colleague's change keeps it)."""
    kept: list[R] = []
    in_force: list[Edit] = []
    for row in rows:
        edit = Edit(row.raw_start, row.raw_end, row.replacement)
        if row.state != "in_force":
            kept.append(row)
            continue
        if raw[row.raw_start : row.raw_end] == row.replacement and not any(
            _overlaps(older, edit) for older in in_force
        ):
            continue
        kept.append(row)
        in_force.append(edit)
    return kept


def check_edit(raw: str, edit: Edit) -> None:
    """Refuse an edit that does not fit the raw text (DubaoError with a one-line reason)."""
    if not 0 <= edit.raw_start <= edit.raw_end <= len(raw):
        raise DubaoError(
            f"correction {edit.raw_start}–{edit.raw_end} is outside the page's text (0–{len(raw)})"
        )
    if edit.is_insertion and not edit.replacement:
        raise DubaoError("a correction must replace some text or insert some")


def effective_edits(edits: Iterable[Edit]) -> list[Edit]:
    """The edits still in force, in raw order, given ``edits`` oldest first.

    A newer edit that overlaps an older one replaces it; insertions at the same point
    are all kept, oldest first.
    """
    kept: list[Edit] = []
    for edit in edits:
        kept = [old for old in kept if not _overlaps(old, edit)]
        kept.append(edit)
    # Stable sort keeps same-point insertions in the order they were made.
    return sorted(kept, key=lambda e: (e.raw_start, e.raw_end))


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.is_insertion or b.is_insertion:
        # An insertion conflicts with a replacement that covers its point from inside.
        point, other = (a, b) if a.is_insertion else (b, a)
        return not other.is_insertion and other.raw_start < point.raw_start < other.raw_end
    return a.raw_start < b.raw_end and b.raw_start < a.raw_end


def corrected_raw(raw: str, edits: Iterable[Edit]) -> str:
    """The page's raw text with the edits in force applied (for re-parsing and the raw view)."""
    out: list[str] = []
    pos = 0
    for edit in effective_edits(edits):
        out.append(raw[pos : edit.raw_start])
        out.append(edit.replacement)
        pos = edit.raw_end
    out.append(raw[pos:])
    return "".join(out)


def correct_texts(texts: Sequence[MappedText], edits: Iterable[Edit], raw_length: int) -> list[MappedText]:
    """Apply corrections to a page's texts; see :func:`trace_corrections`."""
    return [text for text, _ in trace_corrections(texts, effective_edits(edits), raw_length)]


#: Where a character of a corrected text comes from: -1 for the text as parsed, else the index
#: of the edit (in the effective list given to :func:`trace_corrections`) whose replacement it is.
Origins = list[int]


def trace_corrections(
    texts: Sequence[MappedText],
    effective: Sequence[Edit],
    raw_length: int,
    placements: list[list[tuple[int, int]]] | None = None,
) -> list[tuple[MappedText, Origins]]:
    """Apply corrections to a page's texts (in reading order) through their source maps.

    Characters whose raw offset an edit covers are removed; the replacement goes where
    the first of them stood, in the first text that has one. An edit that covers no
    character of any text (an insertion, or a fix in white space the parser dropped)
    goes into the text whose raw range holds its point, else at the head of the next
    text in raw order, else at the end of the one before. Replacement characters map to
    the raw characters they replace (an insertion maps to its point), so every offset
    stays a valid index into the raw text.
    """
    removed: list[set[int]] = [set() for _ in texts]
    placed: dict[int, dict[int, list[tuple[int, Edit]]]] = {}  # text -> position -> edits
    # Raw offset -> every (text, position) showing it, for the offsets some edit covers.
    needed: set[int] = set()
    for edit in effective:
        needed.update(range(edit.raw_start, edit.raw_end))
    shown: dict[int, list[tuple[int, int]]] = {}
    if needed:
        for index, text in enumerate(texts):
            if needed.isdisjoint(text.source):
                continue
            for position, offset in enumerate(text.source):
                if offset in needed:
                    shown.setdefault(offset, []).append((index, position))
    for number, edit in enumerate(effective):
        hits = sorted(
            place for offset in range(edit.raw_start, edit.raw_end) for place in shown.get(offset, ())
        )
        for index, position in hits:
            removed[index].add(position)
        home: tuple[int, int] | None = hits[0] if hits else None
        home = home or _insertion_point(texts, edit.raw_start)
        if home is not None:
            placed.setdefault(home[0], {}).setdefault(home[1], []).append((number, edit))
    last = max(raw_length - 1, 0)
    out: list[tuple[MappedText, Origins]] = []
    for index, text in enumerate(texts):
        here = placed.get(index)
        gone = removed[index]
        if not here and not gone:  # most texts of a page: as parsed
            out.append((MappedText(text.text, list(text.source)), [-1] * len(text.text)))
            continue
        here = here or {}
        chars: list[str] = []
        source: list[int] = []
        origins: Origins = []
        for position in range(len(text.text) + 1):
            for number, edit in here.get(position, ()):
                if placements is not None:
                    # Where each edit went, deletions included: (position in the output, edit).
                    while len(placements) <= index:
                        placements.append([])
                    placements[index].append((len(origins), number))
                span = edit.raw_end - edit.raw_start
                chars.append(edit.replacement)
                source.extend(
                    min(edit.raw_start + min(i, max(span - 1, 0)), last) for i in range(len(edit.replacement))
                )
                origins.extend([number] * len(edit.replacement))
            if position < len(text.text) and position not in gone:
                chars.append(text.text[position])
                source.append(text.source[position])
                origins.append(-1)
        out.append((MappedText("".join(chars), source), origins))
    return out


def _insertion_point(texts: Sequence[MappedText], point: int) -> tuple[int, int] | None:
    """The text and position for an edit at raw offset ``point`` that covers no character."""
    after: tuple[int, int] | None = None  # (first offset, text index) of the next text in raw order
    before: tuple[int, int] | None = None  # (last offset, text index) of the previous one
    for index, text in enumerate(texts):
        if not text.source:
            continue
        low, high = min(text.source), max(text.source)
        if low <= point <= high:
            return index, next(i for i, offset in enumerate(text.source) if offset >= point)
        if low > point and (after is None or low < after[0]):
            after = (low, index)
        if high < point and (before is None or high > before[0]):
            before = (high, index)
    if after is not None:
        return after[1], 0
    if before is not None:
        return before[1], len(texts[before[1]].source)
    # No text has any character yet: the edit is the first thing the page says.
    return (0, 0) if texts else None


def correct_sections(sections: Sequence[Section], edits: Iterable[Edit], raw_length: int) -> list[Section]:
    """The sections' current text: every field corrected, source maps kept aligned."""
    fields: list[tuple[int, str, int | None]] = []
    texts: list[MappedText] = []
    for s_index, section in enumerate(sections):
        for name in HEAD_FIELDS:
            value = getattr(section, name)
            if value is not None:
                fields.append((s_index, name, None))
                texts.append(value)
        for p_index, paragraph in enumerate(section.paragraphs):
            fields.append((s_index, "paragraphs", p_index))
            texts.append(paragraph)
    corrected = correct_texts(texts, edits, raw_length)
    out = [Section(kind=s.kind, paragraphs=[MappedText() for _ in s.paragraphs]) for s in sections]
    for (s_index, name, p_index), text in zip(fields, corrected, strict=True):
        if p_index is None:
            setattr(out[s_index], name, text)
        else:
            out[s_index].paragraphs[p_index] = text
    return out
