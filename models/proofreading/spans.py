"""From "the editor replaced these characters of the column" to corrections over raw offsets.

A span of a section's current text is widened to whole *units*: a raw character, or all the
characters of an earlier correction (a newer correction over part of an older one replaces
the whole older one, carrying its untouched characters along). An insertion takes in the unit
before it (else the one after), so every correction covers at least one raw character and
lands in the block the editor typed in. The raw range of the units (line breaks and OCR
spaces between them included: they were not shown and stay unshown) becomes one correction,
unless a character shown elsewhere (another block, another section) lies inside it; then the
units are split into runs, one correction each. A span across block breaks corrects the text
of each block and joins the blocks (structure edits ``break no``), as a text editor would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.library.corrections import Edit
from models.proofreading.layout import BlockLayout, PageLayout
from models.refusals import Refused


@dataclass
class Plan:
    """The rows one editing step will write."""

    edits: list[Edit] = field(default_factory=list)
    #: Ids of corrections in force that the step sets aside (their text is in the new ones).
    supersede: list[int] = field(default_factory=list)
    #: Raw offsets of blocks that join the block before them (``break no``).
    joins: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.edits or self.supersede or self.joins)


@dataclass(frozen=True)
class _Unit:
    start: int  # character positions in the block text
    end: int
    raw_start: int
    raw_end: int
    origin: int  # -1: a raw character; else the effective edit's index


def check_replacement(replacement: str) -> None:
    """Refuse a replacement a paragraph cannot hold: a line break (a paragraph break is a
    structure edit, :meth:`split_paragraph`)."""
    if "\n" in replacement or "\r" in replacement:
        raise Refused("line_break")


def plan_correction(layout: PageLayout, section: int, start: int, end: int, replacement: str) -> Plan:
    """The corrections (and joins) that make ``section_text[start:end]`` read ``replacement``."""
    if not 0 <= section < len(layout.blocks):
        raise Refused("no_section", section)
    text = layout.section_text(section)
    if not 0 <= start <= end <= len(text):
        raise Refused("outside_text", start, end, len(text))
    check_replacement(replacement)
    blocks = layout.blocks_over(section, start, end)
    if not blocks:
        raise Refused("no_text_there")
    plan = Plan()
    for number, block in enumerate(blocks):
        local_start = max(start - block.start, 0)
        local_end = min(end - block.start, len(block.text.text))
        _plan_block(layout, block, local_start, local_end, replacement if number == 0 else "", plan)
        if number:
            plan.joins.append(block.parsed.source[0])
    return plan


def plan_block_edit(layout: PageLayout, block: BlockLayout, start: int, end: int, replacement: str) -> Plan:
    """The corrections for one span inside one block (series corrections use this)."""
    check_replacement(replacement)
    plan = Plan()
    _plan_block(layout, block, start, end, replacement, plan)
    return plan


def plan_split_inside(layout: PageLayout, block: BlockLayout, local: int) -> tuple[Plan, int] | None:
    """A paragraph break at block position ``local`` that falls inside one correction's text
    (between two characters an editor typed, or between typed ones and the characters the
    correction carried along): the corrections that put the text before the caret and the
    text after it on either side of a raw offset, and that offset (the break). None when the
    caret is not inside a correction's text (a break at ``source[local]`` is where it stands).

    The correction keeps the text before the caret and its raw range; the text after it goes
    with the unit that follows (a raw character or another correction), so the break falls
    before that unit. At the paragraph's end it is the other way round: the unit before takes
    the text before the caret. A paragraph that is all one correction cannot be split there."""
    origins = block.origins
    if not 0 < local < len(block.text.text) or origins[local] < 0 or origins[local - 1] != origins[local]:
        return None
    units = _units(layout, block)
    index = next(k for k, u in enumerate(units) if u.start < local < u.end)
    unit, text = units[index], block.text.text
    before, after = text[unit.start : local], text[local : unit.end]
    plan = Plan()

    def write(part: _Unit, new: str) -> None:
        old_id = layout.effective_ids[part.origin] if part.origin >= 0 else None
        if new == layout.raw[part.raw_start : part.raw_end]:
            if old_id is not None:  # it reads as the OCR read it again: no "田 → 田" correction
                plan.supersede.append(old_id)
            return
        plan.edits.append(Edit(part.raw_start, part.raw_end, new))

    if index + 1 < len(units):
        following = units[index + 1]
        write(unit, before)
        write(following, after + text[following.start : following.end])
        return plan, following.raw_start
    if index > 0:
        preceding = units[index - 1]
        write(preceding, text[preceding.start : preceding.end] + before)
        write(unit, after)
        return plan, unit.raw_start
    raise Refused("one_correction")


def _units(layout: PageLayout, block: BlockLayout) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    n = len(block.text.text)
    while i < n:
        origin = block.origins[i]
        if origin == -1:
            offset = block.text.source[i]
            units.append(_Unit(i, i + 1, offset, offset + 1, -1))
            i += 1
            continue
        j = i
        while j < n and block.origins[j] == origin:
            j += 1
        edit = layout.effective[origin]
        units.append(_Unit(i, j, edit.raw_start, edit.raw_end, origin))
        i = j
    return units


def _plan_block(
    layout: PageLayout, block: BlockLayout, start: int, end: int, replacement: str, plan: Plan
) -> None:
    units = _units(layout, block)
    if start == end:
        point = start - 1 if start > 0 else start
        touched = [k for k, u in enumerate(units) if u.start <= point < u.end]
    else:
        touched = [k for k, u in enumerate(units) if u.start < end and start < u.end]
    if not touched:
        return
    chosen = units[touched[0] : touched[-1] + 1]
    first, last = chosen[0].start, chosen[-1].end
    text = block.text.text
    if text[first:start] + replacement + text[end:last] == text[first:last]:
        return  # the text already reads so
    # The typed text goes after the character before an insertion point, else at the span's start.
    anchor = start if start < end else max(start - 1, 0)
    for run in _runs(layout, block, chosen):
        run_start, run_end = run[0].start, run[-1].end
        before = text[run_start : min(max(start, run_start), run_end)]
        after = text[min(max(end, run_start), run_end) : run_end]
        typed = replacement if run_start <= anchor < run_end else ""
        new = before + typed + after
        raw_start, raw_end = _raw_range(layout, run)
        old_ids = [layout.effective_ids[u.origin] for u in run if u.origin >= 0]
        if (raw_start == raw_end and not new) or new == layout.raw[raw_start:raw_end]:
            # Nothing left to say, or the editor typed back what the OCR read: the corrections
            # there are set aside (no correction "田 → 田" that only marks the character).
            plan.supersede.extend(i for i in old_ids if i is not None)
            continue
        edit = Edit(raw_start, raw_end, new)
        plan.edits.append(edit)
        for unit in run:
            old = layout.effective[unit.origin] if unit.origin >= 0 else None
            if old is not None and not _covers(edit, old):
                key = layout.effective_ids[unit.origin]
                if key is not None:
                    plan.supersede.append(key)


def _covers(new: Edit, old: Edit) -> bool:
    """Whether the newer edit sets the older one aside (see ``effective_edits``)."""
    if old.is_insertion:
        return not new.is_insertion and new.raw_start < old.raw_start < new.raw_end
    return new.raw_start < old.raw_end and old.raw_start < new.raw_end


def _raw_range(layout: PageLayout, run: list[_Unit]) -> tuple[int, int]:
    """The run's raw range, widened over hidden deletions it overlaps (so they stay deleted)."""
    low = min(u.raw_start for u in run)
    high = max(u.raw_end for u in run)
    grown = True
    while grown:
        grown = False
        for edit in layout.effective:
            if edit.replacement or edit.is_insertion:
                continue
            if edit.raw_start < high and low < edit.raw_end and (edit.raw_start < low or edit.raw_end > high):
                low, high = min(low, edit.raw_start), max(high, edit.raw_end)
                grown = True
    return low, high


def _runs(layout: PageLayout, block: BlockLayout, chosen: list[_Unit]) -> list[list[_Unit]]:
    """Group consecutive units into runs whose raw range shows nothing from outside the run."""
    runs: list[list[_Unit]] = [[chosen[0]]]
    for unit in chosen[1:]:
        candidate = runs[-1] + [unit]
        if _clean(layout, block, candidate):
            runs[-1] = candidate
        else:
            runs.append([unit])
    return runs


def _clean(layout: PageLayout, block: BlockLayout, run: list[_Unit]) -> bool:
    low, high = _raw_range(layout, run)
    shown = layout.shown_between(low, high)
    positions = {(block.section, block.index, i) for u in run for i in range(u.start, u.end)}
    for offset in range(low, high):
        if any(place not in positions for place in shown.get(offset, ())):
            return False
    mine = {u.origin for u in run if u.origin >= 0}
    probe = Edit(low, max(high, low + 1), "x")
    for index, edit in enumerate(layout.effective):
        if index in mine or not (edit.replacement or edit.is_insertion):
            continue
        if _covers(probe, edit) or (edit.is_insertion and low < edit.raw_start < high):
            return False
    return True
