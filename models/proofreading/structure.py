"""Editors' structure edits applied on top of the parser's sections.

An edit names raw offsets, never ordinals, so that it still means the same after a newer
parser re-reads the page:

- ``break`` at X, ``yes``: a paragraph break before the character at raw offset X (split a
  block at the cursor); ``no``: the block that starts at X joins the block shown before it.
- ``role`` X–Y: every block whose first character's raw offset lies in X–Y becomes a
  ``kicker``, ``heading``, ``subheading``, ``byline`` or ``body`` paragraph.
- ``section`` at X, ``yes``: a new section starts with the block at X (split an article);
  ``no``: the section whose first raw offset is X joins the section before it in reading order
  (its head blocks would merge with the first section's of the same role: Join Article with Next
  stores, in the same step and before the join, a ``role`` edit ``body`` over each title line
  that becomes a paragraph, see :func:`roles_kept_in_join`).
- ``section_kind`` at X: the section whose first raw offset is X is an ``article``, ...
- ``move`` X before Y: the section whose first raw offset is X is read just before the one
  whose first raw offset is Y (Y = -1: last).

Edits are replayed oldest first; one whose key no longer exists (a newer parser read the page
differently) is skipped and reported, never guessed. A section's "first raw offset" is the
smallest raw offset of its characters. Within a section the blocks are always kept in the
order a reader sees them: kicker, heading, subheading, byline (each one block), then body.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from models.errors import DubaoError
from models.section import HEAD_FIELDS, SECTION_KINDS, Section
from models.text import MappedText

ROLES = (*HEAD_FIELDS, "body")
EDIT_KINDS = ("break", "role", "section", "section_kind", "move")
_RANK = {role: rank for rank, role in enumerate(ROLES)}


@dataclass(frozen=True)
class StructureSpec:
    """One structure edit as stored (see the module docstring for what each kind means)."""

    kind: str
    raw_start: int
    raw_end: int = 0
    value: str = ""


def roles_kept_in_join(first: Sequence[str], second: Sequence[str]) -> set[str]:
    """The head roles of the second section that stay heads when it joins the first (their
    blocks' roles, in display order); its other head blocks become body paragraphs.

    An editor joins two articles because the parser cut one in two, so the second's heading
    and subheading were an in-article subhead or a line misread as a title: they become
    paragraphs. Its kicker and byline become paragraphs too, unless the first article has none
    (then they are the joined article's). A first article with no heading at all (a fragment
    joined to the part that has its title) takes the second's heading and subheading, where it
    lacks them. The joined article never shows two heads of one role run together."""
    present = set(first)
    kept = set()
    for role in second:
        if role == "body" or role in present:
            continue
        if role in ("kicker", "byline") or "heading" not in present:
            kept.add(role)
    return kept


def spans_clear_of(own: Iterable[int], others: Iterable[int]) -> list[tuple[int, int]]:
    """Raw spans (start, end exclusive) that hold every offset of ``own`` and none of ``others``.

    A ``role`` edit names the blocks whose first offset lies in its span. A head block can be
    made of pieces printed apart (a paragraph an editor made part of the heading), and another
    block can start between them: one span from the first piece to the last would take that
    block's role too. So the span is cut wherever an offset of ``others`` falls inside it."""
    ordered, fence = sorted(own), sorted(set(others))
    if not ordered:
        return []
    spans: list[tuple[int, int]] = []
    start = previous = ordered[0]
    for offset in ordered[1:]:
        between = bisect_right(fence, previous)
        if between < len(fence) and fence[between] < offset:
            spans.append((start, previous + 1))
            start = offset
        previous = offset
    spans.append((start, previous + 1))
    return spans


def check_spec(spec: StructureSpec) -> None:
    """Refuse an edit that cannot mean anything (DubaoError with a one-line reason)."""
    if spec.kind not in EDIT_KINDS:
        raise DubaoError(f"unknown structure edit {spec.kind!r}")
    if spec.raw_start < 0:
        raise DubaoError("a structure edit needs a raw offset")
    if spec.kind in ("break", "section") and spec.value not in ("yes", "no"):
        raise DubaoError(f"a {spec.kind} edit is yes or no, not {spec.value!r}")
    if spec.kind == "role" and (spec.value not in ROLES or spec.raw_end <= spec.raw_start):
        raise DubaoError(f"a role is one of {', '.join(ROLES)} over a raw span")
    if spec.kind == "section_kind" and spec.value not in SECTION_KINDS:
        raise DubaoError(f"a section's kind is one of {', '.join(SECTION_KINDS)}, not {spec.value!r}")


def clashes(one: StructureSpec, other: StructureSpec) -> bool:
    """Whether two edits say different things about the same place, so that only one of them
    can be in force: the same kind at the same raw offset (a break, an article's start, a
    section's kind or its place in the reading order), or roles over overlapping raw spans."""
    if one.kind != other.kind:
        return False
    if one.kind == "role":
        return one.raw_start < other.raw_end and other.raw_start < one.raw_end
    return one.raw_start == other.raw_start


@dataclass
class Block:
    role: str
    text: MappedText

    @property
    def first(self) -> int:
        return self.text.source[0]


@dataclass
class Part:
    """A section being rebuilt: its kind and its blocks in display order."""

    kind: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def key(self) -> int:
        return min(min(b.text.source) for b in self.blocks)


def blocks_of(section: Section) -> list[Block]:
    """A section's non-empty blocks in display order (what ``section_text`` joins)."""
    blocks = [
        Block(name, getattr(section, name)) for name in HEAD_FIELDS if getattr(section, name) is not None
    ]
    blocks.extend(Block("body", p) for p in section.paragraphs)
    return [b for b in blocks if b.text.text]


def section_key(section: Section) -> int | None:
    """The section's first raw offset (the smallest of its characters'), None when it is empty."""
    offsets = [min(b.text.source) for b in blocks_of(section)]
    return min(offsets) if offsets else None


def apply_structure(
    sections: Sequence[Section], edits: Sequence[StructureSpec]
) -> tuple[list[Section], list[int]]:
    """The parser's sections with the edits applied; also the indexes of the edits that found no key."""
    parts = [Part(s.kind, blocks_of(s)) for s in sections]
    parts = [p for p in parts if p.blocks]
    skipped: list[int] = []
    for index, edit in enumerate(edits):
        if not _APPLY[edit.kind](parts, edit):
            skipped.append(index)
        for part in parts:
            _normalise(part)
    return [_to_section(p) for p in parts if p.blocks], skipped


def _find_char(parts: list[Part], raw: int) -> tuple[int, int, int] | None:
    for p_index, part in enumerate(parts):
        for b_index, block in enumerate(part.blocks):
            if raw in block.text.source:
                return p_index, b_index, block.text.source.index(raw)
    return None


def _break(parts: list[Part], edit: StructureSpec) -> bool:
    found = _find_char(parts, edit.raw_start)
    if found is None:
        return False
    p_index, b_index, position = found
    part = parts[p_index]
    block = part.blocks[b_index]
    if edit.value == "yes":
        if position == 0:
            return True  # already a break there
        part.blocks[b_index : b_index + 1] = [
            Block(block.role, block.text.slice(0, position)),
            Block(block.role, block.text.slice(position)),
        ]
        return True
    if position != 0 or b_index == 0:
        return position != 0  # no break there already; the first block of a section has no block before
    before = part.blocks[b_index - 1]
    part.blocks[b_index - 1 : b_index + 1] = [Block(before.role, MappedText.join([before.text, block.text]))]
    return True


def _role(parts: list[Part], edit: StructureSpec) -> bool:
    hit = False
    for part in parts:
        demoted = []
        for block in part.blocks:
            if edit.raw_start <= block.first < edit.raw_end:
                if block.role != "body" and edit.value == "body":
                    demoted.append(block)
                block.role = edit.value
                hit = True
        for block in demoted:
            # Back among the body paragraphs where its words stand in the raw text.
            part.blocks.remove(block)
            after = [i for i, b in enumerate(part.blocks) if b.role == "body" and b.first > block.first]
            part.blocks.insert(after[0] if after else len(part.blocks), block)
    return hit


def _section(parts: list[Part], edit: StructureSpec) -> bool:
    if edit.value == "yes":
        found = _find_char(parts, edit.raw_start)
        if found is None:
            return False
        p_index, b_index, position = found
        part = parts[p_index]
        if position:
            _break(parts, StructureSpec("break", edit.raw_start, value="yes"))
            b_index += 1
        if b_index == 0:
            return True  # a section already starts here
        parts.insert(p_index + 1, Part(part.kind, part.blocks[b_index:]))
        del part.blocks[b_index:]
        return True
    index = _part_at(parts, edit.raw_start)
    if index is None or index == 0:
        return False
    parts[index - 1].blocks.extend(parts[index].blocks)
    del parts[index]
    return True


def _section_kind(parts: list[Part], edit: StructureSpec) -> bool:
    index = _part_at(parts, edit.raw_start)
    if index is None:
        return False
    parts[index].kind = edit.value
    return True


def _move(parts: list[Part], edit: StructureSpec) -> bool:
    index = _part_at(parts, edit.raw_start)
    if index is None:
        return False
    moving = parts.pop(index)
    target = len(parts) if edit.raw_end < 0 else _part_at(parts, edit.raw_end)
    if target is None:
        parts.insert(index, moving)
        return False
    parts.insert(target, moving)
    return True


def _part_at(parts: list[Part], key: int) -> int | None:
    for index, part in enumerate(parts):
        if part.blocks and part.key == key:
            return index
    return None


_APPLY = {"break": _break, "role": _role, "section": _section, "section_kind": _section_kind, "move": _move}


def _normalise(part: Part) -> None:
    """Display order: the heads in printed order, each one block, then the body paragraphs."""
    ordered = sorted(part.blocks, key=lambda b: _RANK[b.role])
    merged: list[Block] = []
    for block in ordered:
        if merged and block.role != "body" and merged[-1].role == block.role:
            merged[-1] = Block(block.role, MappedText.join([merged[-1].text, block.text]))
        else:
            merged.append(block)
    part.blocks = merged


def _to_section(part: Part) -> Section:
    section = Section(kind=part.kind)
    for block in part.blocks:
        if block.role == "body":
            section.paragraphs.append(block.text)
        else:
            setattr(section, block.role, block.text)
    return section
