"""Edit ▸ Cut, Copy, Paste, Select All: on whatever has the keyboard, as far as it allows.

The keys (Ctrl+X/C/V/A) already work where the keyboard is: the columns copy and select, in
proofreading mode they also cut and paste (as plain text on one line, each a correction through
``ColumnEditor``), the search fields and the raw text do what Qt's fields do. The menu items do
the same on the widget the editor was in before opening the menu, and are enabled only where it
makes sense there: Copy and Cut with a selection, Cut and Paste only where text can be edited
(a column only in proofreading mode), Paste with text on the clipboard.

The items show the standard shortcuts but leave the keys to the widgets (their shortcuts work
only inside the open menu): a window shortcut would take Ctrl+C from a read-only column, and the
column's own copy, the mode's paste and the fields' undo-aware editing are what a user expects.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.proofreading.column_editing import editor_of
from ui.reader.section_view import SectionColumn


class ClipboardActions(QObject):
    """Cut, Copy, Paste and Select All for one main window's Edit menu."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        key = QKeySequence.StandardKey
        self.cut_action = self._make(self.tr("Cu&t"), key.Cut, self.cut)
        self.copy_action = self._make(self.tr("&Copy"), key.Copy, self.copy)
        self.paste_action = self._make(self.tr("&Paste"), key.Paste, self.paste)
        self.select_all_action = self._make(self.tr("Select &All"), key.SelectAll, self.select_all)
        self.actions = [self.cut_action, self.copy_action, self.paste_action, self.select_all_action]
        #: the widget the keyboard was in last in this window (not the menu bar or a menu)
        self._target: QWidget | None = None
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        QGuiApplication.clipboard().dataChanged.connect(self.update)
        # Made after the first paint: the keyboard may be somewhere already.
        focused = window.focusWidget()
        if focused is not None and not isinstance(focused, (QMenuBar, QMenu)):
            self._target = focused
            self._watch(focused)
        self.update()

    def _make(self, text: str, key: QKeySequence.StandardKey, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts(QKeySequence.keyBindings(key))
        # Shown in the menu; the keys themselves stay with the focused widget (see above).
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def add_to(self, menu: QMenu, before: QAction | None) -> None:
        """Put the four items in a menu (before ``before``, or at the end) and keep them current."""
        menu.insertActions(before, self.actions)  # type: ignore[arg-type]
        menu.aboutToShow.connect(self.update)

    # --- where the keyboard is -----------------------------------------------------------------
    def target(self) -> QWidget | None:
        """The widget the items act on: the window's focused widget, or the last one before the
        menu bar took the keyboard (Alt, F10)."""
        focused = self.window.focusWidget()
        if focused is not None and not isinstance(focused, (QMenuBar, QMenu)):
            return focused
        if self._target is not None and shiboken6.isValid(self._target):
            return self._target
        return None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or isinstance(new, (QMenuBar, QMenu)) or not shiboken6.isValid(self.window):
            return
        if new.window() is not self.window:
            return
        self._target = new
        self._watch(new)
        self.update()

    def _watch(self, widget: QWidget) -> None:
        """Follow the focused widget's selection (Copy and Cut turn on and off with it)."""
        if self._watched is not None and shiboken6.isValid(self._watched):
            try:
                self._watched.selectionChanged.disconnect(self.update)  # type: ignore[attr-defined]
            except (RuntimeError, TypeError, AttributeError):
                pass
        self._watched = None
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            widget.selectionChanged.connect(self.update)
            self._watched = widget

    # --- what it allows ------------------------------------------------------------------------
    def update(self) -> None:
        """Enable each item as the widget with the keyboard allows it."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.window):
            return
        widget = self.target()
        selected, editable, selectable = False, False, False
        if isinstance(widget, QLineEdit):
            selected = widget.hasSelectedText() and widget.echoMode() == QLineEdit.EchoMode.Normal
            editable = not widget.isReadOnly()
            selectable = bool(widget.text())
        elif isinstance(widget, SectionColumn):
            selected = widget.textCursor().hasSelection()
            editable = editor_of(widget) is not None  # proofreading mode
            selectable = True
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            selected = widget.textCursor().hasSelection()
            editable = not widget.isReadOnly()
            selectable = not widget.document().isEmpty()
        elif isinstance(widget, QAbstractItemView):
            selected = widget.currentIndex().isValid()
            selectable = widget.selectionMode() in (
                QAbstractItemView.SelectionMode.ExtendedSelection,
                QAbstractItemView.SelectionMode.MultiSelection,
            )
        clipboard = bool(QGuiApplication.clipboard().text())
        self.cut_action.setEnabled(selected and editable)
        self.copy_action.setEnabled(selected)
        self.paste_action.setEnabled(editable and clipboard)
        self.select_all_action.setEnabled(selectable)

    # --- doing it ------------------------------------------------------------------------------
    def cut(self) -> None:
        widget = self.target()
        if isinstance(widget, SectionColumn):
            editor = editor_of(widget)
            if editor is not None:
                editor.cut()  # one correction, as Ctrl+X in the mode
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
            widget.cut()
        self.update()

    def copy(self) -> None:
        widget = self.target()
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            widget.copy()
        elif isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
            text = widget.currentIndex().data(Qt.ItemDataRole.DisplayRole)  # what Ctrl+C copies there
            if text is not None:
                QGuiApplication.clipboard().setText(str(text))
        self.update()

    def paste(self) -> None:
        widget = self.target()
        if isinstance(widget, SectionColumn):
            editor = editor_of(widget)
            if editor is not None:
                editor.paste()  # plain text on one line, one correction, as Ctrl+V in the mode
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
            widget.paste()
        self.update()

    def select_all(self) -> None:
        widget = self.target()
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractItemView)):
            widget.selectAll()
        self.update()
