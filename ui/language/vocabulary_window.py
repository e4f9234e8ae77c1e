"""The vocabulary window: saved words listed, edited in place, deleted, exported for Anki or Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.library.service import Library
from models.vocabulary import VocabularyWord
from ui.common.export_paths import ask_save_path
from ui.common.library_writes import run_write

#: Table columns: the word's field, and whether it can be edited here.
FIELDS = (
    ("simplified", True),
    ("traditional", True),
    ("pinyin", True),
    ("definition", True),
    ("sentence", True),
    ("source", False),
)


class VocabularyWindow(QDialog):
    """Lists the library's vocabulary; edits are saved as they are made."""

    #: a double click on a word's source: (page id, raw offset) to show it where it was read
    sourceActivated = Signal(int, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.words: list[VocabularyWord] = []
        self.setWindowTitle(self.tr("Vocabulary"))
        self.setObjectName("vocabularyWindow")
        self.resize(900, 480)
        self.table = QTableWidget(0, len(FIELDS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Simplified"),
                self.tr("Traditional"),
                self.tr("Pinyin"),
                self.tr("Definition"),
                self.tr("Sentence"),
                self.tr("Source"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._edited)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.anki_button = QPushButton(self.tr("Export for &Anki (TSV)…"))
        self.anki_button.clicked.connect(lambda: self.export("tsv"))
        self.excel_button = QPushButton(self.tr("Export for &Excel (CSV)…"))
        self.excel_button.clicked.connect(lambda: self.export("csv"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (self.delete_button, self.anki_button, self.excel_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)

    def refresh(self) -> None:
        """Read the list again from the library."""
        from models.vocabulary import list_words

        self.words = list_words(self.library)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.words))
        for row, word in enumerate(self.words):
            for column, (name, editable) in enumerate(FIELDS):
                item = QTableWidgetItem(getattr(word, name))  # table items show text as it is
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setToolTip(self.tr("Double-click to show the word on its page"))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("%n words", "", len(self.words)))

    def _edited(self, item: QTableWidgetItem) -> None:
        from models.errors import DubaoError
        from models.vocabulary import update_word

        row, column = item.row(), item.column()
        name, editable = FIELDS[column]
        if not editable or row >= len(self.words):
            return
        try:
            self.words[row] = update_word(self.library, self.words[row].id, **{name: item.text()})
        except DubaoError as exc:
            self._error(self.tr("The change was not saved"), str(exc))
            self.refresh()

    def _double_clicked(self, item: QTableWidgetItem) -> None:
        word = self.words[item.row()] if item.row() < len(self.words) else None
        if FIELDS[item.column()][0] == "source" and word is not None and word.page_id is not None:
            self.sourceActivated.emit(word.page_id, word.raw_offset if word.raw_offset is not None else -1)

    def delete_selected(self) -> None:
        from models.vocabulary import delete_word

        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        ids = [self.words[row].id for row in rows]

        def delete() -> None:
            for word_id in ids:
                delete_word(self.library, word_id)

        # A failure is told with Retry; what was deleted before it shows after the refresh.
        run_write(
            self, self.tr("The deletion"), delete, refused=lambda r: self._error(self.tr("Not deleted"), r)
        )
        self.refresh()

    def export(self, kind: str, path: str | None = None) -> bool:
        """Write the list as TSV for Anki or CSV for Excel (asks for a file unless ``path``)."""
        from models.errors import DubaoError
        from models.vocabulary import write_csv, write_tsv

        if path is None:
            title = self.tr("Export for Anki") if kind == "tsv" else self.tr("Export for Excel")
            name = "vocabulary.tsv" if kind == "tsv" else "vocabulary.csv"
            filters = self.tr("Anki text (*.tsv *.txt)") if kind == "tsv" else self.tr("CSV (*.csv)")
            path, _ = ask_save_path(self, title, name, filters)
            if not path:
                return False
        try:
            (write_tsv if kind == "tsv" else write_csv)(self.words, path, protect=[self.library.path])
        except DubaoError as exc:
            self._error(self.tr("Nothing was exported"), str(exc))
            return False
        return True

    def _error(self, title: str, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Vocabulary"), title, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(reason)
        box.open()
        self._error_box = box
