"""Where each character an editor sees comes from: a page's current text, block by block.

A section's current text (:func:`models.annotations.texts.section_text`) is its non-empty
blocks joined by ``"\\n"``. :class:`PageLayout` keeps, for every block, the text before
corrections (the stored sections, structure edits applied), the corrected text with a raw
offset per character, and for each character whether it is the parser's (a raw character)
or part of a correction's replacement (which one). Everything an editor's offset means is
answered here: the raw offset under the cursor, the corrections a span touches, the block a
position is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from models.library.corrections import Edit, effective_edits, trace_corrections
from models.library.records import CorrectionInfo
from models.proofreading.structure import Block, blocks_of
from models.section import Section
from models.text import MappedText


@dataclass(frozen=True)
class BlockLayout:
    """One block of a section as shown: ``text[i]`` is at ``start + i`` in the section text."""

    section: int
    index: int
    role: str
    #: The block before corrections (structure edits applied).
    parsed: MappedText
    #: The block as shown, corrections applied; ``text.source`` maps into the raw text.
    text: MappedText
    #: For each character of ``text``: -1 (a raw character) or the index of its correction in
    #: :attr:`PageLayout.effective`.
    origins: tuple[int, ...]
    start: int
    #: Every correction placed in this block, deletions included: (position in ``text``, index
    #: in :attr:`PageLayout.effective`), in order (what an export that shows corrections needs).
    placed: tuple[tuple[int, int], ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text.text)


@dataclass(frozen=True)
class PageLayout:
    """A page's current sections, block by block, with the corrections in force."""

    raw: str
    sections: list[Section]
    #: Per section, its shown blocks (empty ones left out, as in the section text).
    blocks: list[list[BlockLayout]]
    #: The corrections in force, in raw order (what ``origins`` index).
    effective: list[Edit]
    #: The correction ids behind ``effective`` (same order; None for an edit not stored yet).
    effective_ids: list[int | None]
    #: The sections before corrections (as stored: the parser's, structure edits applied).
    parsed: list[Section]
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def section_text(self, section: int) -> str:
        return "\n".join(b.text.text for b in self.blocks[section])

    def texts(self) -> list[str]:
        return [self.section_text(i) for i in range(len(self.blocks))]

    def char_sources(self, section: int) -> list[int | None]:
        """A raw offset per character of the section text (None at a block break)."""
        out: list[int | None] = []
        for i, block in enumerate(self.blocks[section]):
            if i:
                out.append(None)
            out.extend(block.text.source)
        return out

    def block_at(self, section: int, position: int) -> BlockLayout | None:
        """The block holding ``position`` of the section text (its end counts as inside)."""
        for block in self.blocks[section]:
            if block.start <= position <= block.end:
                return block
        return None

    def blocks_over(self, section: int, start: int, end: int) -> list[BlockLayout]:
        """The blocks a span of the section text touches, with the breaks between them (for an
        empty span, the block holding it)."""
        if start == end:
            found = self.block_at(section, start)
            return [found] if found is not None else []
        return [
            b
            for b in self.blocks[section]
            # its characters, the break before it or the break after it are in the span
            if (b.start < end and start < b.end) or start < b.start <= end or start <= b.end < end
        ]

    def shown_between(self, low: int, high: int) -> dict[int, list[tuple[int, int, int]]]:
        """Raw offset in ``[low, high)`` -> every (section, block, position) showing a raw
        character from it (only the blocks whose raw range meets the span are read)."""
        bounds = self._cache.get("bounds")
        if bounds is None:
            bounds = [
                (min(block.text.source), max(block.text.source), s, block)
                for s, blocks in enumerate(self.blocks)
                for block in blocks
                if block.text.source
            ]
            self._cache["bounds"] = bounds
        out: dict[int, list[tuple[int, int, int]]] = {}
        for first, last, s, block in bounds:
            if last < low or first >= high:
                continue
            for i, (offset, origin) in enumerate(zip(block.text.source, block.origins, strict=True)):
                if origin == -1 and low <= offset < high:
                    out.setdefault(offset, []).append((s, block.index, i))
        return out


def layout_of(content: Any) -> PageLayout:
    """The layout of a page read from the library (a ``PageContent``), built once per reading."""
    cached = content.derived.get("layout")
    if cached is None:
        cached = build_layout(content.raw, content.sections, content.corrections)
        content.derived["layout"] = cached
    return cached


def build_layout(raw: str, sections: Sequence[Section], corrections: Sequence[CorrectionInfo]) -> PageLayout:
    """The layout of a page from its stored sections and its corrections (oldest first)."""
    in_force = [c for c in corrections if c.in_force]
    edits = [Edit(c.raw_start, c.raw_end, c.replacement) for c in in_force]
    effective = effective_edits(edits)
    ids = _ids_of(effective, in_force)
    per_section: list[list[Block]] = [blocks_of(s) for s in sections]
    flat = [b.text for blocks in per_section for b in blocks]
    placements: list[list[tuple[int, int]]] = []
    traced = trace_corrections(flat, effective, len(raw), placements)
    layout: list[list[BlockLayout]] = []
    at = 0
    for s, blocks in enumerate(per_section):
        shown: list[BlockLayout] = []
        start = 0
        for block in blocks:
            text, origins = traced[at]
            at += 1
            if not text.text:
                continue
            placed = tuple(placements[at - 1]) if at - 1 < len(placements) else ()
            shown.append(
                BlockLayout(s, len(shown), block.role, block.text, text, tuple(origins), start, placed)
            )
            start += len(text.text) + 1
        layout.append(shown)
    current = [_section_of(s, blocks) for s, blocks in zip(sections, layout, strict=True)]
    return PageLayout(raw, current, layout, effective, ids, list(sections))


def _ids_of(effective: list[Edit], in_force: list[CorrectionInfo]) -> list[int | None]:
    """The id of the newest stored correction behind each effective edit."""
    ids: list[int | None] = []
    for edit in effective:
        found = [
            c.id
            for c in in_force
            if (c.raw_start, c.raw_end, c.replacement) == (edit.raw_start, edit.raw_end, edit.replacement)
        ]
        ids.append(found[-1] if found else None)
    return ids


def _section_of(parsed: Section, blocks: list[BlockLayout]) -> Section:
    section = Section(kind=parsed.kind)
    for block in blocks:
        if block.role == "body":
            section.paragraphs.append(block.text)
        else:
            setattr(section, block.role, block.text)
    return section
