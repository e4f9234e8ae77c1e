"""Help ▸ Proofreading Keys…: the key map of proofreading mode, in a small table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ProofreadingKeys(QDialog):
    """The key map as a two-column table (plain text items)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proofreadingKeys")
        self.setWindowTitle(self.tr("Proofreading Keys"))
        intro = QLabel(
            self.tr(
                "In proofreading mode the columns take corrections: each change is saved in the "
                "library at once, over the OCR text, which is never changed."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        rows = self.key_map()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        # A long line wraps (in Chinese the F8 line was cut off with "…" at any width)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def key_map(self) -> list[tuple[str, str]]:
        """(keys, what they do) in proofreading mode; the README has the same table."""
        return [
            ("F2", self.tr("Start or leave proofreading (Edit ▸ Proofread)")),
            (
                self.tr("Letters, digits, input method"),
                self.tr("Type: replace the selection or insert at the caret"),
            ),
            (
                "Backspace / Delete",
                self.tr("Delete the character before / after the caret, or the selection"),
            ),
            (
                "Enter",
                self.tr("Split the paragraph at the caret (with a flag selected: accept its suggestion)"),
            ),
            ("Ctrl+V / Ctrl+X", self.tr("Paste as plain text / cut")),
            (self.tr("Arrows, Home, End"), self.tr("Move the caret by character and line")),
            (
                "Ctrl+PgDown / Ctrl+PgUp",
                self.tr("The next / previous page (typing goes on at its body text)"),
            ),
            (
                "F8 / Shift+F8",
                self.tr(
                    "Select the next / previous flag of the checker; past the page's last, "
                    "the next page of the issue with flags left"
                ),
            ),
            (
                "Esc",
                self.tr(
                    "Dismiss the selected flag (Ctrl+Z brings it back); with none selected, leave proofreading"
                ),
            ),
            (
                "Ctrl+Z / Ctrl+Shift+Z",
                self.tr("Undo / redo the last step (corrections and highlights alike)"),
            ),
            ("Ctrl+H / Ctrl+Shift+H", self.tr("Correct the selection (or the flag) everywhere, as one batch")),
            (
                "Ctrl+Shift+D",
                self.tr("Add the flagged word (or the selection) to the library's dictionary"),
            ),
            ("F9", self.tr("Page History: the page's corrections and structure edits, to revert or compare")),
            ("Ctrl+Shift+M", self.tr("Mark the page done (again: back in progress)")),
            ("Ctrl+,", self.tr("Preferences (the name your corrections carry)")),
            ("Ctrl+J", self.tr("Join the paragraph with the next")),
            ("Ctrl+Return", self.tr("Split the paragraph at the caret")),
            (
                "Ctrl+Alt+H / K / S / B",
                self.tr("Make the paragraph the heading / kicker / subheading / byline"),
            ),
            ("Ctrl+Alt+P", self.tr("Make the paragraph body text again")),
            ("Ctrl+Alt+Return", self.tr("Split the article at this paragraph")),
            (
                "Ctrl+Alt+J",
                self.tr(
                    "Join the article with the next section of the same kind (not a caption: Section Kind first)"
                ),
            ),
            ("Ctrl+Shift+PgUp / PgDown", self.tr("Move the section earlier / later in reading order")),
            (
                "Alt+E, T, K",
                self.tr(
                    "Section Kind: article, caption, masthead or other (Edit ▸ Structure ▸ Section Kind)"
                ),
            ),
            (
                "Ctrl+I",
                self.tr(
                    "Show or hide the scan beside the columns; in the scan, + / − zoom, 0 fits the "
                    "page, W its width, the arrows pan"
                ),
            ),
            (
                "Tab / Shift+Tab",
                self.tr(
                    "The next / previous pane, left to right: the left dock and its tab bar, the "
                    "columns, the scan, the raw text, the Annotations dock"
                ),
            ),
            ("1–9, R", self.tr("Off while proofreading: they type")),
        ]
