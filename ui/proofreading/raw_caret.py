"""A caret that follows a raw character when the page is shown again after a structure edit,
and where the caret goes when proofreading starts.

A paragraph made a byline or a heading moves to its article's head: a caret kept as (section,
offset) would land in whatever paragraph then stands there; kept beside the raw character
that starts its paragraph, it stays in the paragraph the editor changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor

from ui.annotations.highlight_positions import SectionPositions
from ui.reader.section_view import BlockRef, SectionColumn

if TYPE_CHECKING:
    from ui.reader.page_view import PageView

#: A selection (or a caret: both ends the same) kept beside raw characters.
RawSpan = tuple["RawCaret", "RawCaret"]


@dataclass(frozen=True)
class RawCaret:
    """A caret kept beside a raw character: ``after`` characters past the one at ``raw``."""

    raw: int
    after: int = 0

    @staticmethod
    def at(column: SectionColumn, offset: int) -> RawCaret | None:
        """The caret at section ``offset`` of a column, as the start of its block's raw text plus
        how far into the block it stands (None where the block has no raw character)."""
        for _block, start, ref in block_offsets(column):
            if start <= offset <= start + len(ref.text.text):
                return RawCaret(ref.text.source[0], offset - start) if ref.text.source else None
        return None

    @staticmethod
    def on(column: SectionColumn, offset: int) -> RawCaret | None:
        """The caret at section ``offset`` of a column, on the raw character at it (at a block's
        end: the one before it, ``after`` 1), so that words put in or taken out earlier in its
        paragraph (a correction between two sessions) do not move it. Characters a correction
        wrote share their raw character with those beside them: ``after`` counts the ones before
        it in the block that have it. None in an empty block."""
        for _block, start, ref in block_offsets(column):
            if start <= offset <= start + len(ref.text.text):
                source = ref.text.source
                if not source:
                    return None
                at = min(offset - start, len(source) - 1)
                raw = source[at]
                return RawCaret(raw, at - list(source).index(raw) + (offset - start - at))
        return None

    def resolve(self, columns: list[SectionColumn]) -> tuple[int, int] | None:
        """(section, offset) of the caret on the page as shown now; None if the character is gone.

        The block its character starts, else the block it now stands in: a paragraph made the
        heading of an article that has one joins that heading, and the caret goes with its words.
        """
        inside: tuple[int, int] | None = None
        for number, column in enumerate(columns):
            for _block, start, ref in block_offsets(column):
                source = ref.text.source
                if source and source[0] == self.raw:
                    return number, start + min(self.after, len(ref.text.text))
                if inside is None and self.raw in source:
                    at = list(source).index(self.raw)
                    inside = number, start + min(at + self.after, len(ref.text.text))
        return inside


def block_offsets(column: SectionColumn) -> Iterator[tuple[int, int, BlockRef]]:
    """Each block of a column with the section offset it starts at (blocks are one line apart)."""
    offset = 0
    for block, ref in enumerate(column.blocks):
        yield block, offset, ref
        offset += len(ref.text.text) + 1


def _raw_span(column: SectionColumn, start: int, end: int) -> RawSpan | None:
    first, last = RawCaret.at(column, start), RawCaret.at(column, end)
    return (first, last) if first is not None and last is not None else None


def starting_place(view: PageView, mouse: bool = True) -> RawSpan | None:
    """Where typing should start when proofreading starts, kept beside raw characters (a page
    from a file is shown again from the library first): the selection; else the caret the
    reader put somewhere; else (``mouse``) the character under the mouse, if the reader moved
    it over the column since the page was shown (a pointer resting where it was left, or where
    the screen put it, is not where they are reading); else where they are reading
    (``reading_place``)."""
    column = view.active_column()
    if column is not None and column.blocks:
        positions = SectionPositions(column)
        cursor = column.textCursor()
        start = positions.to_section(cursor.selectionStart())
        end = positions.to_section(cursor.selectionEnd())
        # A page just opened leaves the caret at the start of its first column: nobody put it there.
        if cursor.hasSelection() or view.active > 0 or start > 0:
            return _raw_span(column, start, end)
    for column in view.columns if mouse else ():
        moved = column.pointer_moved_to
        if not column.isVisible() or not column.blocks or moved is None or moved == view.pointer_at_show:
            continue
        point = column.viewport().mapFromGlobal(QCursor.pos())
        if column.viewport().rect().contains(point):
            at = SectionPositions(column).to_section(column.cursorForPosition(point).position())
            return _raw_span(column, at, at)
    return reading_place(view)


def reading_place(view: PageView) -> RawSpan | None:
    """The start of the paragraph in view: in the first column with body text that the strip
    shows whole (else the one it shows most of: the page then moves the least to show it whole),
    its first paragraph whose top is in view, else the first line in view of the paragraph the
    view's top falls in (a long paragraph scrolled: not the next one further down, nor its
    start above the view); the page's first body text when no such column is in view.
    Headings and photo captions are not where reading starts."""
    bar = view.scroll.horizontalScrollBar().value()
    width = view.scroll.viewport().width()
    best: tuple[float, SectionColumn] | None = None
    for column in view.columns:
        body = any(ref.part == "paragraph" for ref in column.blocks)
        if column.is_masthead or column.isHidden() or not body:
            continue
        left = view.left_in_strip(column)
        shown = (min(left + column.width(), bar + width) - max(left, bar)) / max(1, column.width())
        if shown >= 1:
            best = (shown, column)
            break
        if shown > 0 and (best is None or shown > best[0]):
            best = (shown, column)
    if best is None:
        return first_body_text(view)
    column = best[1]
    top = column.verticalScrollBar().value()
    bottom = top + column.viewport().height()
    inside = below = last = None
    for block, offset, ref in block_offsets(column):
        if ref.part != "paragraph":
            continue
        block_top, block_bottom = column.block_rect(block)
        if top - 2 <= block_top < bottom:  # its top in view
            return _raw_span(column, offset, offset)
        if block_top < top < block_bottom:
            inside = offset
        elif block_top >= bottom and below is None:
            below = offset
        last = offset
    if inside is not None:  # the view within one long paragraph: its first line in view
        at = column.cursorForPosition(QPoint(2, 2)).position()
        at = max(inside, SectionPositions(column).to_section(at))
        return _raw_span(column, at, at)
    at = below if below is not None else last
    return _raw_span(column, at, at) if at is not None else first_body_text(view)


def first_body_text(view: PageView) -> RawSpan | None:
    """The start of the page's first paragraph of body text (not the masthead, not a heading)."""
    for column in view.columns:
        if column.is_masthead:
            continue
        for _block, offset, ref in block_offsets(column):
            if ref.part == "paragraph":
                return _raw_span(column, offset, offset)
    return None


def put_caret(view: PageView, place: RawSpan | None) -> None:
    """Focus the column holding ``place`` and put the caret (or the selection) there; without
    a place (or where its characters are gone) the active column takes the keyboard."""
    start = place[0].resolve(view.columns) if place is not None else None
    if start is None:
        column = view.active_column()
        if column is not None:
            column.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    end = place[1].resolve(view.columns) if place is not None else None
    number, offset = start
    view.focus_column(number)
    column = view.columns[number]
    positions = SectionPositions(column)
    cursor = column.textCursor()
    cursor.setPosition(positions.to_document(offset))
    if end is not None and end[0] == number and end[1] > offset:
        cursor.setPosition(positions.to_document(end[1]), cursor.MoveMode.KeepAnchor)
    column.setTextCursor(cursor)
    column.ensureCursorVisible()
