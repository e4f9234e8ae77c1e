"""One section of a page set as a newspaper column (or as the masthead strip).

The column is a read-only QTextEdit filled block by block with plain-text
inserts: one block per head field (kicker, heading, subheading, byline) and per
paragraph. ``blocks`` keeps, for each block, the MappedText it shows, so any
position in the column leads back to raw-text offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from models.section import HEAD_FIELDS, Section
from models.text import MappedText
from ui.common.offsets import Utf16Map
from ui.common.viewports import wrap_viewport
from ui.reader.page_style import PageStyle

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument


@dataclass
class BlockRef:
    """What one block of a column shows: which field of the section, and its mapped text."""

    part: str  # "kicker", "heading", "subheading", "byline", "paragraph" or "caption"
    index: int  # paragraph number within the section; 0 for head fields
    text: MappedText
    position: int = 0  # UTF-16 position of the block's first character in the document
    utf16: Utf16Map | None = None

    def utf16_map(self) -> Utf16Map:
        if self.utf16 is None:
            self.utf16 = Utf16Map(self.text.text)
        return self.utf16


def display_text(text: str) -> str:
    """The text as a QTextCursor may insert it without splitting or losing anything.

    Line and paragraph separators would start new blocks; U+2028 keeps the line
    break visible, takes one UTF-16 unit like the original, and stays in the block.
    """
    return text.replace("\r", "\u2028").replace("\n", "\u2028").replace("\u2029", "\u2028")


def section_blocks(section: Section) -> list[BlockRef]:
    """The blocks a section is set in, in printing order (empty fields left out)."""
    refs: list[BlockRef] = []
    for name in HEAD_FIELDS:
        value = getattr(section, name)
        if value is not None and value.text:
            part = "masthead" if section.kind == "masthead" and name == "heading" else name
            refs.append(BlockRef(part, 0, value))
    body = "caption" if section.kind == "caption" else "paragraph"
    if section.kind == "masthead":
        body = "masthead" if not refs else "subheading"
    for number, para in enumerate(section.paragraphs):
        if para.text:
            refs.append(BlockRef(body, number, para))
    return refs


class SectionColumn(QTextEdit):
    """A section of the page in its own column; keyboard moves by paragraph and column."""

    #: ask the page to move to the column ``delta`` away; ``at_end`` lands on its last block
    navigate = Signal(int, bool)
    #: the block under the text cursor changed (click or keys)
    currentBlockChanged = Signal(int)
    #: the block under the mouse pointer (-1 when the pointer leaves)
    hoveredBlock = Signal(int)
    #: the selection changed: raw offsets of every selected character (empty: no selection)
    selectionMapped = Signal(list)
    #: Ctrl + wheel: make the whole page's type bigger (+1) or smaller (-1)
    zoomRequested = Signal(int)
    #: a context menu is about to open (QMenu, viewport QPointF): listeners add their actions
    contextMenuAboutToShow = Signal(object, object)

    def __init__(
        self,
        section: Section,
        number: int,
        style: PageStyle,
        parent: QWidget | None = None,
        hidden: bool = False,
    ) -> None:
        """``hidden``: the column is made hidden (out of view in the page's strip): its text is
        set when it is first shown or its document or blocks are first asked for, not now (a
        page of 20 columns shows 4 or 5 at first: issue 11)."""
        super().__init__(parent)
        wrap_viewport(self)
        self.section = section
        self.number = number
        #: the style to render with once the column is shown or read (None: rendered)
        self._unrendered: PageStyle | None = None
        self._blocks: list[BlockRef] = []
        self._current = -1
        self._hovered = -1
        #: where the pointer last moved over the column (global; None: it never has)
        self.pointer_moved_to: QPoint | None = None
        self._linked = -1
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self._tinted: set[int] = set()
        #: extra marks by layer name (proofreading: corrections, flags): spans and their formats
        self._layers: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        #: proofreading: the column takes edits (the text itself is still set only by render)
        self.editing = False
        #: whether this is the page's active column (its current paragraph is tinted)
        self.active = False
        self.style_: PageStyle = style
        self.is_masthead = section.kind == "masthead"
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # dropped files go to the window, which imports them
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(section.title)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.selectionChanged.connect(lambda: self.selectionMapped.emit(self.selected_raw_offsets()))
        if hidden:
            self.hide()
            self._unrendered = style
            self.setFixedWidth(style.column_width())  # its room in the strip, as render sets it
        else:
            self.render(style)

    # --- rendered when first shown or read ----------------------------------------------
    @property
    def blocks(self) -> list[BlockRef]:
        """The column's blocks (text parts in document order, with their positions)."""
        if self._unrendered is not None:
            self.render(self._unrendered)
        return self._blocks

    @blocks.setter
    def blocks(self, blocks: list[BlockRef]) -> None:
        self._blocks = blocks

    def document(self) -> QTextDocument:  # (Python callers: the text is set first if it waits)
        if self._unrendered is not None:
            self.render(self._unrendered)
        return super().document()

    def document_as_is(self) -> QTextDocument:
        """The column's document as it is now, without setting its text if that waits (the
        column hidden out of view): to watch it (``contentsChanged`` comes when the text is set)."""
        return super().document()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name; show() comes here)
        if visible and self._unrendered is not None:
            self.render(self._unrendered)
        super().setVisible(visible)

    # --- setting the text ------------------------------------------------------------
    def render(self, style: PageStyle) -> None:
        """(Re)set the section with a style; keeps the current block."""
        self._unrendered = None
        self.style_ = style
        current = self._current
        doc = self.document()
        self.blockSignals(True)
        doc.clear()
        doc.setDocumentMargin(style.margin)
        doc.setDefaultFont(style.font("paragraph"))
        self.blocks = section_blocks(self.section)
        self._tinted = set()
        room = getattr(style, "top_room", None)  # pinyin above characters: a band over the first line
        if room is not None and self.blocks:
            frame = doc.rootFrame().frameFormat()
            frame.setTopMargin(style.margin + room(self.blocks[0].part))
            doc.rootFrame().setFrameFormat(frame)
        cursor = QTextCursor(doc)
        for i, ref in enumerate(self.blocks):
            block_format, char_format = style.formats(ref.part)
            if i == 0:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
            else:
                cursor.insertBlock(block_format, char_format)
            ref.position = cursor.position()
            cursor.insertText(display_text(ref.text.text), char_format)
        # Inserting at the widget's own cursor pushed it to the end; put it back at the top.
        top = self.textCursor()
        top.setPosition(0)
        self.setTextCursor(top)
        self.blockSignals(False)
        self.verticalScrollBar().setValue(0)
        self._apply_paper()
        if self.is_masthead:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setMinimumWidth(200)
        else:
            self.setFixedWidth(style.column_width())
        self._current = -1
        if 0 <= current < len(self.blocks):
            self.set_current_block(current, ensure_visible=False)
        self._refresh_marks()

    def _apply_paper(self) -> None:
        colours = self.style_.colours
        paper = QColor(colours.paper)
        if self.editing:  # proofreading: the paper takes a faint tint of the hit colour
            tint = QColor(colours.hit)
            paper = QColor(
                *(
                    int(a * 0.88 + b * 0.12)
                    for a, b in zip(paper.getRgb()[:3], tint.getRgb()[:3], strict=True)
                )
            )
        pal = self.palette()
        pal.setColor(self.viewport().backgroundRole(), paper)
        pal.setColor(self.foregroundRole(), QColor(colours.ink))
        self.setPalette(pal)

    def set_editing(self, editing: bool) -> None:
        """Look editable (tinted paper, a wide caret, an input method) or read-only again.

        The document stays read-only: whoever edits sets the section and calls ``render``.
        """
        if editing == self.editing:
            return
        self.editing = editing
        self.setCursorWidth(2 if editing else 1)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editing)
        self._apply_paper()

    def fit_height(self) -> None:
        """Make a masthead exactly as tall as its text at the current width."""
        doc = self.document()
        doc.setTextWidth(self.viewport().width() or self.width())
        self.setFixedHeight(int(doc.size().height()) + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.is_masthead:
            self.fit_height()

    def plain_text(self) -> str:
        return self.document().toPlainText()

    # --- blocks and positions ----------------------------------------------------------------
    def block_at(self, position: int) -> int:
        """The index in ``blocks`` of the block holding document ``position``."""
        number = self.document().findBlock(position).blockNumber()
        return number if 0 <= number < len(self.blocks) else -1

    def block_text_offset(self, block: int, position: int) -> int:
        """The code-point offset within a block's text of document ``position``."""
        ref = self.blocks[block]
        return ref.utf16_map().to_code_point(max(0, position - ref.position))

    def raw_offset_at(self, position: int) -> int | None:
        """The raw-text offset of the character at document ``position``."""
        block = self.block_at(position)
        if block < 0:
            return None
        ref = self.blocks[block]
        offset = self.block_text_offset(block, position)
        if not ref.text.source:
            return None
        return ref.text.source[min(offset, len(ref.text.source) - 1)]

    def selected_raw_offsets(self) -> list[int]:
        """Raw offsets of the selected characters, in order (empty when nothing is selected)."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        offsets: list[int] = []
        if start == end:
            return offsets
        for number, ref in enumerate(self.blocks):
            block_start, block_end = self.block_span(number)
            low, high = max(start, block_start), min(end, block_end)
            if low < high:
                umap = ref.utf16_map()
                first = umap.to_code_point(low - ref.position)
                last = umap.to_code_point(high - ref.position)
                offsets.extend(ref.text.source[first:last])
        return offsets

    def block_span(self, block: int) -> tuple[int, int]:
        """The UTF-16 document span of a block's text."""
        ref = self.blocks[block]
        return ref.position, ref.position + ref.utf16_map().to_utf16(len(ref.text.text))

    def current_block(self) -> int:
        return self._current

    def set_current_block(self, block: int, ensure_visible: bool = True) -> None:
        """Put the text cursor at the start of a block and mark it as the current paragraph."""
        if not self.blocks:
            return
        block = max(0, min(block, len(self.blocks) - 1))
        cursor = self.textCursor()
        cursor.setPosition(self.blocks[block].position)
        self.setTextCursor(cursor)  # emits cursorPositionChanged -> _cursor_moved
        if self._current != block:
            self._current = block
            self._refresh_marks()
            self.currentBlockChanged.emit(block)
        if ensure_visible:
            self.scroll_to_block(block)

    def scroll_to_block(self, block: int) -> None:
        """Scroll so that a block's top is in view (its start, where reading begins)."""
        rect = self.block_rect(block)
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if rect[0] < top or rect[0] > top + height - 20:
            bar.setValue(int(max(0, rect[0] - self.style_.margin)))

    def block_rect(self, block: int) -> tuple[float, float]:
        qblock = self.document().findBlockByNumber(block)
        rect = self.document().documentLayout().blockBoundingRect(qblock)
        return rect.top(), rect.bottom()

    def _cursor_moved(self) -> None:
        block = self.block_at(self.textCursor().position())
        if block >= 0 and block != self._current:
            self._current = block
            self._refresh_marks()
            self.currentBlockChanged.emit(block)

    # --- marks: current paragraph, linked paragraph, find hits ---------------------------------
    def set_linked_block(self, block: int) -> None:
        """Mark a block linked from elsewhere (the raw view); -1 clears it."""
        if block != self._linked:
            self._linked = block
            self._refresh_marks()

    def set_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        """Mark find-in-page hits (UTF-16 document spans); ``current`` indexes the active one."""
        self._hits = list(hits)
        self._current_hit = current
        self._refresh_marks()

    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def _refresh_marks(self) -> None:
        colours = self.style_.colours
        current = self._current if self.active else -1
        tinted = {b for b in (self._linked, self._hovered, current) if 0 <= b < len(self.blocks)}
        if tinted != self._tinted:
            self._tint_blocks(tinted, colours.current)
        selections: list[QTextEdit.ExtraSelection] = []
        for spans in self._layers.values():
            for start, end, fmt in spans:
                selections.append(self._formatted(start, end, fmt))
        for i, (start, end) in enumerate(self._hits):
            colour = colours.current_hit if i == self._current_hit else colours.hit
            selections.append(self._selection(start, end, colour))
        self.setExtraSelections(selections)

    def set_layer(self, name: str, spans: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Mark UTF-16 document spans with formats (underlines), under the find hits; [] clears."""
        if spans:
            self._layers[name] = list(spans)
        else:
            self._layers.pop(name, None)
        self._refresh_marks()

    def layer(self, name: str) -> list[tuple[int, int, QTextCharFormat]]:
        return list(self._layers.get(name, ()))

    def _formatted(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _tint_blocks(self, tinted: set[int], colour: str) -> None:
        """Give whole blocks (every wrapped line, margin to margin) a background; display only."""
        doc = self.document()
        cursor = QTextCursor(doc)
        for block in self._tinted ^ tinted:
            qblock = doc.findBlockByNumber(block)
            if not qblock.isValid():
                continue
            fmt = QTextBlockFormat(self.style_.formats(self.blocks[block].part)[0])
            if block in tinted:
                fmt.setBackground(QColor(colour))
            cursor.setPosition(qblock.position())
            cursor.setBlockFormat(fmt)
        self._tinted = set(tinted)

    def _selection(
        self, start: int, end: int, colour: str, full_width: bool = False
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        if full_width:
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def marked_blocks(self) -> list[int]:
        """Blocks tinted now as current, hovered or linked (read back from the document)."""
        doc = self.document()
        return [
            b
            for b in range(len(self.blocks))
            if doc.findBlockByNumber(b).blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)
        ]

    # --- keyboard and mouse ------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self._refresh_marks()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self._current < 0 and self.blocks:
            self.set_current_block(0, ensure_visible=False)
        else:
            self.currentBlockChanged.emit(self._current)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
            super().keyPressEvent(event)
            return
        last = len(self.blocks) - 1
        current = max(0, self._current)
        if key == Qt.Key.Key_Right and mods == Qt.KeyboardModifier.NoModifier:
            self.navigate.emit(1, False)
        elif key == Qt.Key.Key_Left and mods == Qt.KeyboardModifier.NoModifier:
            self.navigate.emit(-1, False)
        elif key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.NoModifier:
            if not self._scroll_within(current, down=True):
                if current < last:
                    self.set_current_block(current + 1)
                else:
                    self.navigate.emit(1, False)
        elif key == Qt.Key.Key_Up and mods == Qt.KeyboardModifier.NoModifier:
            if not self._scroll_within(current, down=False):
                if current > 0:
                    self.set_current_block(current - 1)
                    self._show_block_end(current - 1)
                else:
                    self.navigate.emit(-1, True)
        elif key == Qt.Key.Key_Home:
            self.set_current_block(0)
            self.verticalScrollBar().setValue(0)
        elif key == Qt.Key.Key_End:
            self.set_current_block(last)
        else:
            super().keyPressEvent(event)

    def _scroll_within(self, block: int, down: bool) -> bool:
        """Scroll a paragraph taller than the view before leaving it; True if it scrolled."""
        if not self.blocks:
            return False
        top, bottom = self.block_rect(block)
        bar = self.verticalScrollBar()
        view_top, view_bottom = bar.value(), bar.value() + self.viewport().height()
        step = max(20, int(self.viewport().height() * 0.6))
        if down and bottom > view_bottom + 1 and bar.value() < bar.maximum():
            bar.setValue(min(bar.maximum(), bar.value() + step))
            return True
        if not down and top < view_top - 1 and bar.value() > 0:
            bar.setValue(max(0, bar.value() - step))
            return True
        return False

    def _show_block_end(self, block: int) -> None:
        top, bottom = self.block_rect(block)
        bar = self.verticalScrollBar()
        if bottom > bar.value() + self.viewport().height():
            bar.setValue(int(bottom - self.viewport().height() + self.style_.margin))

    def wheelEvent(self, event) -> None:  # noqa: N802
        # A read-only QTextEdit zooms only itself on Ctrl+wheel; the page zooms as one.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoomRequested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        self.pointer_moved_to = event.globalPosition().toPoint()
        self._set_hovered(self._block_under(event.position().toPoint()))

    def _block_under(self, point: QPoint) -> int:
        cursor = self.cursorForPosition(point)
        block = self.block_at(cursor.position())
        if block < 0:
            return -1
        top, bottom = self.block_rect(block)
        y = point.y() + self.verticalScrollBar().value()
        return block if top - 2 <= y <= bottom + 2 else -1

    def _set_hovered(self, block: int) -> None:
        if block != self._hovered:
            self._hovered = block
            self._refresh_marks()
            self.hoveredBlock.emit(block)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu()
        self.contextMenuAboutToShow.emit(menu, event.pos().toPointF())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        # Not an event() override: that ran Python for each of the hundreds of events a column
        # gets while a page opens (issue 11).
        self._set_hovered(-1)
        super().leaveEvent(event)
