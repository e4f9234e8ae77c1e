"""Edit ▸ Page History…: a page's corrections and structure edits, reverting them, and a diff.

The History tab lists ``Library.page_history`` (newest first: time, author, old → new, state);
Revert sets one aside, Revert Batch the whole step it was made in (both are undoable steps of
the core, and the page is shown again through the library's listeners). The Diff tab shows
``Library.diff_raw``: each section's raw OCR text against its current text, removed characters
struck through in red between ⟦− ⟧, added ones underlined in green between ⟦+ ⟧. Everything is
inserted as plain text (no markup from the page reaches Qt's rich-text parser).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ADDED = ("⟦+", "⟧")
REMOVED = ("⟦−", "⟧")


class PageHistoryDialog(QDialog):
    """One page's history and diff."""

    def __init__(self, library: Any, page_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.page_id = page_id
        self.entries: list[Any] = []
        info = library.page_info(page_id)
        self.setWindowTitle(self.tr("Page History — %1").replace("%1", info.name))
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Author"), self.tr("Change"), self.tr("State")])
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.clicked.connect(self.revert_selected)
        self.batch_button = QPushButton(self.tr("Revert &Batch"))
        self.batch_button.clicked.connect(self.revert_selected_batch)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        history = QWidget()
        layout = QVBoxLayout(history)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(self.revert_button)
        row.addWidget(self.batch_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.diff = QTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setAcceptRichText(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(history, self.tr("&History"))
        self.tabs.addTab(self.diff, self.tr("&Diff with OCR Text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(buttons)
        self.resize(760, 520)
        self.refresh()

    # --- history ----------------------------------------------------------------------------------
    def _state_name(self, state: str) -> str:
        return {
            "in_force": self.tr("in force"),
            "reverted": self.tr("reverted"),
            "superseded": self.tr("superseded"),
        }.get(state, state)

    def refresh(self) -> None:
        """Read the history and the diff again from the library."""
        current = self.tree.currentIndex().row()
        self.entries = self.library.page_history(self.page_id)
        self.tree.clear()
        for entry in self.entries:
            old = entry.old.replace("\n", "⏎")
            new = entry.new.replace("\n", "⏎")
            change = f"{old} → {new}" if entry.what == "correction" else (new or old)
            when = entry.created.strftime("%Y-%m-%d %H:%M:%S")
            item = QTreeWidgetItem([when + " UTC", entry.author, change, self._state_name(entry.state)])
            item.setToolTip(2, change.replace("&", "&amp;").replace("<", "&lt;"))
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        if self.entries:
            self.tree.setCurrentItem(self.tree.topLevelItem(max(0, min(current, len(self.entries) - 1))))
        if not self.entries:
            self.message.setText(self.tr("No corrections on this page yet."))
        self._update_buttons()
        self.show_diff()

    def selected(self) -> Any:
        row = self.tree.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.state != "reverted")
        self.batch_button.setEnabled(entry is not None and entry.batch_id is not None)

    def _run(self, call) -> bool:
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - refused or not written: say why, nothing changed
            self.message.setText(
                self.tr("Nothing was reverted: %1").replace("%1", str(exc) or type(exc).__name__)
            )
            return False
        self.refresh()
        if getattr(result, "changed", True):
            self.message.setText(self.tr("Reverted. Ctrl+Z in the window undoes it."))
        else:
            self.message.setText(self.tr("Nothing to revert."))
        return True

    def revert_selected(self) -> bool:
        entry = self.selected()
        if entry is None or entry.state == "reverted":
            return False
        if entry.what == "correction":
            return self._run(lambda: self.library.revert_correction(entry.id))
        return self._run(lambda: self.library.revert_structure_edit(entry.id))

    def revert_selected_batch(self) -> bool:
        entry = self.selected()
        if entry is None or entry.batch_id is None:
            return False
        return self._run(lambda: self.library.revert_batch(entry.batch_id))

    # --- diff ---------------------------------------------------------------------------------------
    def show_diff(self) -> None:
        """Each changed section: raw against current text, removals and additions marked."""
        self.diff.clear()
        cursor = QTextCursor(self.diff.document())
        plain = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(700)
        removed = QTextCharFormat()
        removed.setFontStrikeOut(True)
        removed.setForeground(QColor("#b00020"))
        added = QTextCharFormat()
        added.setFontUnderline(True)
        added.setForeground(QColor("#1b7f3b"))
        any_change = False
        for diff in self.library.diff_raw(self.page_id):
            if not diff.changed:
                continue
            any_change = True
            number = diff.new_section if diff.new_section is not None else diff.old_section
            cursor.insertText(self.tr("Section %1").replace("%1", str((number or 0) + 1)) + "\n", heading)
            for op in diff.ops:
                if op.op == "equal":
                    cursor.insertText(op.old, plain)
                    continue
                if op.old:
                    cursor.insertText(REMOVED[0] + op.old + REMOVED[1], removed)
                if op.new:
                    cursor.insertText(ADDED[0] + op.new + ADDED[1], added)
            cursor.insertText("\n\n", plain)
        if not any_change:
            cursor.insertText(self.tr("The text reads as the OCR read it."), plain)
        self.diff.moveCursor(QTextCursor.MoveOperation.Start)
