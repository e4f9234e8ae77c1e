"""Highlight offsets (code points into a section's text) to a column's UTF-16 positions and back.

The core counts a section's text as its blocks joined by one line break
(``models.annotations.texts.section_text``); a SectionColumn holds the same blocks in the same
order, one QTextDocument block each, and a block break is one position there too. So a section
offset becomes a document position by finding its block and converting the offset within the
block with that block's UTF-16 map (𠀀 is one code point, two Qt positions).
"""

from __future__ import annotations

from bisect import bisect_right

from ui.reader.section_view import SectionColumn


class SectionPositions:
    """Converts between section code-point offsets and document positions of one column."""

    def __init__(self, column: SectionColumn) -> None:
        self.column = column
        self._starts: list[int] = []  # code-point offset of each block's first character
        offset = 0
        for ref in column.blocks:
            self._starts.append(offset)
            offset += len(ref.text.text) + 1
        self.length = max(0, offset - 1)

    def to_document(self, offset: int) -> int:
        """The document (UTF-16) position of section offset ``offset`` (0..length)."""
        if not self._starts:
            return 0
        offset = max(0, min(offset, self.length))
        block = max(0, bisect_right(self._starts, offset) - 1)
        ref = self.column.blocks[block]
        within = min(offset - self._starts[block], len(ref.text.text))
        return ref.position + ref.utf16_map().to_utf16(within)

    def span_to_document(self, start: int, end: int) -> tuple[int, int]:
        return self.to_document(start), self.to_document(end)

    def to_section(self, position: int) -> int:
        """The section offset of document position ``position`` (a block break counts one)."""
        if not self._starts:
            return 0
        blocks = self.column.blocks
        number = self.column.document().findBlock(position).blockNumber()
        number = max(0, min(number, len(blocks) - 1))
        ref = blocks[number]
        if position < ref.position:
            return self._starts[number]
        within = ref.utf16_map().to_code_point(position - ref.position)
        return self._starts[number] + min(within, len(ref.text.text))

    def selection(self) -> tuple[int, int] | None:
        """The column's selection as a section span, or None when nothing is selected."""
        cursor = self.column.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.to_section(cursor.selectionStart()), self.to_section(cursor.selectionEnd())
        return (start, end) if start < end else None
