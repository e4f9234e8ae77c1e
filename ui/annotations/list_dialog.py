"""The skeleton of the tag manager and the category editor: a list, a row of buttons, a message.

Each row of the list carries its record (a tag, a category) as user data; the dialog refills
itself when an operation concerns its records, keeping the chosen row. An action the core
refuses shows its one-line reason under the buttons instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.annotations.records import Changed
from models.annotations.service import Annotations
from ui.common.library_writes import run_write


class ListDialog(QDialog):
    """A list of the library's records with buttons to change them; subclasses say which."""

    def __init__(self, annotations: Annotations, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self.list = QListWidget()
        self.list.setObjectName(list_name)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self._buttons = QGridLayout()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        annotations.subscribe(self._changed)
        self.finished.connect(lambda _r: annotations.unsubscribe(self._changed))

    def place_buttons(self, buttons: Sequence[QPushButton], per_row: int) -> None:
        """Put the action buttons under the list, ``per_row`` to a row."""
        for n, button in enumerate(buttons):
            self._buttons.addWidget(button, n // per_row, n % per_row)

    # --- what a subclass says -----------------------------------------------------------------
    def records(self) -> Iterable[Any]:
        """The records to list, in order (each has ``id`` and ``name``)."""
        raise NotImplementedError

    def make_item(self, number: int, record: Any) -> QListWidgetItem:
        """The row for a record; ``number`` counts the rows from 1."""
        raise NotImplementedError

    def concerns(self, change: Changed) -> bool:
        """Whether a committed operation changed the listed records."""
        raise NotImplementedError

    # --- the list -----------------------------------------------------------------------------------
    def fill(self) -> None:
        chosen = self.current()
        self.list.clear()
        for number, record in enumerate(self.records(), start=1):
            item = self.make_item(number, record)
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
            if chosen is not None and record.id == chosen.id:
                self.list.setCurrentItem(item)

    def listed(self) -> list[Any]:
        """The records as listed."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def select(self, name: str) -> None:
        for i, record in enumerate(self.listed()):
            if record.name == name:
                self.list.setCurrentRow(i)

    def current(self) -> Any:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _changed(self, change: Changed) -> None:
        if self.concerns(change):
            self.fill()

    def _run(self, action: Callable[[], object]) -> None:
        """One change, through the window's single write path: a refusal shows under the buttons,
        a storage failure in a message box with Retry."""
        run_write(
            self,
            self.tr("The change"),
            action,
            done=lambda _r: self.message.clear(),
            refused=self.message.setText,
        )
