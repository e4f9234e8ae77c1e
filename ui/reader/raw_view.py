"""The raw OCR text of a page, exactly as read, beside the reflowed columns."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ui.common.offsets import Utf16Map
from ui.common.viewports import wrap_viewport


def _runs(offsets: list[int]) -> list[tuple[int, int]]:
    """Sorted offsets as half-open runs of consecutive offsets."""
    runs: list[tuple[int, int]] = []
    for offset in offsets:
        if runs and offset == runs[-1][1]:
            runs[-1] = (runs[-1][0], offset + 1)
        else:
            runs.append((offset, offset + 1))
    return runs


class RawView(QPlainTextEdit):
    """Read-only raw text; reports the raw offset under the cursor and the pointer.

    While hidden (it is by default), a page's raw text and the reader's font only wait: the
    document is filled and the font set when the view is shown, or when a find marks its hits
    (a start does not lay out a page's raw text no one sees: issue 11). The lines, the offsets
    and the tinted lines are kept as they come either way."""

    #: the text cursor moved to raw code-point offset (click or keys)
    offsetActivated = Signal(int)
    #: the pointer is over raw code-point offset (-1 when it leaves)
    offsetHovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wrap_viewport(self)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # dropped files go to the window, which imports them
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.raw = ""
        self._map = Utf16Map("")
        self._line_starts: list[int] = [0]
        self._lines: list[int] = []
        self._tinted: list[int] = []  # block numbers whose background is tinted now
        self._colour = "#e9e1cf"
        self._hover_offset = -1
        self._stale = False  # the document does not hold self.raw yet (set while hidden)
        self._pending_font: QFont | None = None  # the font to set when shown
        self.cursorPositionChanged.connect(self._cursor_moved)

    def set_raw(self, raw: str) -> None:
        """Show a page's raw text (plain text: nothing in it is interpreted)."""
        if raw == self.raw and self._map.length == len(raw):
            return  # the same page shown again (an edit): the raw text never changes
        self.raw = raw
        self._map = Utf16Map(raw)
        self._line_starts = [0]
        end = raw.find("\n")
        while end >= 0:
            self._line_starts.append(end + 1)
            end = raw.find("\n", end + 1)
        self._lines = []
        if self.isHidden():
            self._stale = True  # filled when shown
            return
        self._fill()

    def _fill(self) -> None:
        self._stale = False
        self._tinted = []
        self.blockSignals(True)
        self.setPlainText(self.raw)
        self.blockSignals(False)
        self.setExtraSelections([])

    def set_font_and_colour(self, font: QFont, colour: str) -> None:
        self._colour = colour
        if self.isHidden():
            self._pending_font = QFont(font)  # set when shown
            return
        self._pending_font = None
        self.setFont(font)
        self._apply()

    def _catch_up(self) -> None:
        """The raw text and font given while hidden, into the document and the view."""
        if self._pending_font is not None:
            font, self._pending_font = self._pending_font, None
            self.setFont(font)
        if self._stale:
            self._fill()
        self._apply()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name; show() and hide() come here)
        if visible and (self._stale or self._pending_font is not None):
            self._catch_up()
        super().setVisible(visible)

    # --- lines --------------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """The raw line (0-based) that holds code-point ``offset``."""
        return bisect_right(self._line_starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Code-point span of a raw line, without its line break."""
        start = self._line_starts[line]
        end = self._line_starts[line + 1] - 1 if line + 1 < len(self._line_starts) else len(self.raw)
        return start, end

    def highlight_offsets(self, offsets: Iterable[int], ensure_visible: bool = True) -> list[int]:
        """Tint every raw line that holds one of ``offsets``; return those line numbers."""
        lines = sorted({self.line_of(o) for o in offsets if 0 <= o < max(1, len(self.raw))})
        self._lines = lines
        self._apply()
        if lines and ensure_visible:
            self._show_line(lines[0], lines[-1])
        return lines

    def set_hits(
        self, spans: list[list[int]], current: int = -1, colours: tuple[str, str] = ("", "")
    ) -> None:
        """Mark find-in-page hits: each hit is the raw offsets of its characters (runs are joined)."""
        hit, current_hit = colours or ("", "")
        if self._stale:
            self._catch_up()
        selections = []
        for number, offsets in enumerate(spans):
            for start, end in _runs(sorted(offsets)):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(self._map.to_utf16(start))
                cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(current_hit if number == current else hit))
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    def hit_texts(self) -> list[str]:
        """The raw text under each hit mark (for tests)."""
        if self._stale:
            self._catch_up()
        return [s.cursor.selectedText() for s in self.extraSelections()]

    def highlighted_lines(self) -> list[int]:
        return list(self._lines)

    def _apply(self) -> None:
        """Tint whole lines through their block backgrounds (display only; the text is untouched)."""
        if self._stale:
            return  # tinted once the document is filled
        doc = self.document()
        cursor = QTextCursor(doc)
        plain = QTextBlockFormat()  # setBlockFormat replaces the whole format: no background left
        tinted = QTextBlockFormat()
        tinted.setBackground(QColor(self._colour))
        for line in self._tinted:
            block = doc.findBlockByNumber(line)
            if block.isValid():
                cursor.setPosition(block.position())
                cursor.setBlockFormat(plain)
        for line in self._lines:
            block = doc.findBlock(self._map.to_utf16(self.line_span(line)[0]))
            if block.isValid():
                cursor.setPosition(block.position())
                cursor.setBlockFormat(tinted)
        self._tinted = [
            doc.findBlock(self._map.to_utf16(self.line_span(n)[0])).blockNumber() for n in self._lines
        ]

    def _show_line(self, first: int, last: int) -> None:
        if self._stale:
            return
        top_line = self.firstVisibleBlock().blockNumber()
        visible = max(1, int(self.viewport().height() / max(1, self.fontMetrics().lineSpacing())) - 1)
        if first < top_line or last > top_line + visible:
            self.verticalScrollBar().setValue(max(0, first - 2))

    # --- cursor and pointer ----------------------------------------------------------------
    def offset_at(self, position: int) -> int:
        """The raw code-point offset of UTF-16 document ``position``."""
        return self._map.to_code_point(position)

    def _cursor_moved(self) -> None:
        self.offsetActivated.emit(self.offset_at(self.textCursor().position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        cursor = self.cursorForPosition(event.position().toPoint())
        offset = self.offset_at(cursor.position())
        if offset != self._hover_offset:
            self._hover_offset = offset
            self.offsetHovered.emit(offset)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._hover_offset != -1:
            self._hover_offset = -1
            self.offsetHovered.emit(-1)
        return super().event(event)
