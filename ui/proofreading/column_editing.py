"""Keys, the input method and paste on one column in proofreading mode, turned into edit requests.

The column's document stays read-only: nothing typed goes into it. Each key that would change
the text becomes a request in section code points (the core's offsets; 𠀀 is one), which the
proofreading session sends to the core and answers by setting the column again from the core's
current text. Moving keys move the caret by character and line, as in any editor (the reader's
paragraph and column moves are off while editing), and the reader's one-key commands (1–9,
R) never see a letter or digit: those type.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTextEdit

from ui.annotations.highlight_positions import SectionPositions
from ui.reader.section_view import SectionColumn

#: Keys the reader uses to move between paragraphs and columns; while editing they move the caret.
_MOVING = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def typed_text(event: QKeyEvent) -> str:
    """The text a key press types (empty for commands: Ctrl/Alt chords, control characters)."""
    mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
    if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.GroupSwitchModifier):
        return ""
    text = event.text()
    return text if text and all(ch.isprintable() or ch == "\u3000" for ch in text) else ""


def paste_text(text: str) -> str:
    """Clipboard text as a correction may hold it: plain, on one line (line breaks dropped)."""
    return "".join(line.strip("\r") for line in text.split("\n"))


class ColumnEditor(QObject):
    """Watches one column while proofreading; asks for edits through its signals."""

    #: (section, start, end, replacement): make section_text[start:end] read replacement
    editRequested = Signal(int, int, int, str)
    #: (section, start, end): a paragraph break before section offset ``start`` (Enter);
    #: ``start``–``end`` (a selection) is deleted in the same step
    splitRequested = Signal(int, int, int)
    #: the input method is composing (the text not yet committed), "" when it stops
    composing = Signal(str)

    def __init__(
        self, column: SectionColumn, intercept: Callable[[SectionColumn, QKeyEvent], bool] | None = None
    ) -> None:
        super().__init__(column)
        self.column = column
        #: called first with each key press; True when the session handled it (a flag's Enter/Esc)
        self.intercept = intercept
        #: the column takes edits through this editor (False once detached)
        self.attached = True
        column.installEventFilter(self)
        column.set_editing(True)

    def detach(self) -> None:
        self.attached = False
        try:
            self.column.removeEventFilter(self)
            self.column.set_editing(False)
        except RuntimeError:
            pass  # the column is already gone

    # --- events ------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is not self.column:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            # Letters and digits type: a window shortcut on the same key (R, 1–9) must not fire.
            if self._edits(event):  # type: ignore[arg-type]
                event.accept()
                return True
            return False
        if kind == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.InputMethod:
            return self._input_method(event)  # type: ignore[arg-type]
        return False

    def _edits(self, event: QKeyEvent) -> bool:
        """Whether the key changes the text (so it belongs to the editor, not to a shortcut)."""
        key = event.key()
        if typed_text(event):
            return True
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and key in (
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
            *_ENTER,
        ):
            return True
        return event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Cut)

    def _key(self, event: QKeyEvent) -> bool:
        if self.intercept is not None and self.intercept(self.column, event):
            return True
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _MOVING and not (mods & Qt.KeyboardModifier.AltModifier):
            if not (
                mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            ):
                QTextEdit.keyPressEvent(self.column, event)  # by character and line, not by paragraph
                return True
            return False  # Ctrl+Left/Right: the word help's next/previous word
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return True
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
            return True
        text = typed_text(event)
        if text:
            self._replace_selection(text)
            return True
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        if key in _ENTER:
            positions = SectionPositions(self.column)
            start, end = self._span(positions)
            self.splitRequested.emit(self.column.number, start, end)  # one step, one Ctrl+Z
            return True
        if key == Qt.Key.Key_Backspace:
            start, end = self._span(SectionPositions(self.column))
            if start == end:
                start = max(0, start - 1)
            if start < end:
                self.editRequested.emit(self.column.number, start, end, "")
            return True
        if key == Qt.Key.Key_Delete:
            positions = SectionPositions(self.column)
            start, end = self._span(positions)
            if start == end:
                end = min(positions.length, end + 1)
            if start < end:
                self.editRequested.emit(self.column.number, start, end, "")
            return True
        return False

    def paste(self) -> None:
        """The clipboard's text replaces the selection (or goes in at the caret): plain, on one line."""
        text = paste_text(QGuiApplication.clipboard().text())
        if text:
            self._replace_selection(text)

    def cut(self) -> None:
        """The selection goes to the clipboard and out of the text (one correction)."""
        if self.column.textCursor().hasSelection():
            self.column.copy()
            self._replace_selection("")

    def _span(self, positions: SectionPositions) -> tuple[int, int]:
        cursor = self.column.textCursor()
        return positions.to_section(cursor.selectionStart()), positions.to_section(cursor.selectionEnd())

    def _replace_selection(self, text: str) -> None:
        start, end = self._span(SectionPositions(self.column))
        self.editRequested.emit(self.column.number, start, end, text)

    def _input_method(self, event: QInputMethodEvent) -> bool:
        """Chinese input: the composition shows beside the caret; the committed text is typed."""
        self.composing.emit(event.preeditString())
        commit = event.commitString()
        if commit:
            self._replace_selection(paste_text(commit))
        event.accept()
        return True


def editor_of(column: QObject) -> ColumnEditor | None:
    """The editor a column takes edits through now (None outside proofreading mode)."""
    for child in column.findChildren(ColumnEditor, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.attached:
            return child
    return None
