"""The tag manager: every tag with its count; rename, merge, recolour, delete.

Each action is one operation in the core, so Ctrl+Z in the window undoes it. The questions
it asks (a new name, the tag to merge into, a colour) go through replaceable callables, so
tests answer them without opening dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.annotations.records import Changed, TagInfo
from models.annotations.service import Annotations
from models.errors import DubaoError


class TagManager(QDialog):
    """A dialog over the library's tags."""

    def __init__(self, annotations: Annotations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags"))
        self.annotations = annotations
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.colour_button = QPushButton(self.tr("&Colour…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.colour_button, self.delete_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.rename_button.clicked.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.colour_button.clicked.connect(self.recolour)
        self.delete_button.clicked.connect(self.delete)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        #: questions, replaceable in tests
        self.ask_name: Callable[[TagInfo], str | None] = self._ask_name
        self.ask_target: Callable[[TagInfo, list[TagInfo]], TagInfo | None] = self._ask_target
        self.ask_colour: Callable[[TagInfo], str | None] = self._ask_colour
        annotations.subscribe(self._changed)
        self.finished.connect(lambda _r: annotations.unsubscribe(self._changed))
        self.fill()

    def fill(self) -> None:
        chosen = self.current()
        self.list.clear()
        for tag in self.annotations.tags():
            item = QListWidgetItem(f"{tag.name}  ({tag.count})")  # item text is plain
            item.setData(Qt.ItemDataRole.UserRole, tag)
            if tag.colour:
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(tag.colour))
            self.list.addItem(item)
            if chosen is not None and tag.id == chosen.id:
                self.list.setCurrentItem(item)
        self._enable()

    def tag_rows(self) -> list[tuple[str, int]]:
        """(name, count) of every row, as listed."""
        return [
            (t.name, t.count)
            for t in (self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))
        ]

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole).name == name:
                self.list.setCurrentRow(i)

    def current(self) -> TagInfo | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _enable(self) -> None:
        for button in (self.rename_button, self.merge_button, self.colour_button, self.delete_button):
            button.setEnabled(self.current() is not None)
        self.merge_button.setEnabled(self.current() is not None and self.list.count() > 1)

    def _changed(self, change: Changed) -> None:
        if change.tags:
            self.fill()

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
            self.message.clear()
        except DubaoError as exc:
            self.message.setText(str(exc))

    def rename(self) -> None:
        tag = self.current()
        name = self.ask_name(tag) if tag else None
        if tag and name:
            self._run(lambda: self.annotations.rename_tag(tag.id, name))

    def merge(self) -> None:
        tag = self.current()
        if tag is None:
            return
        target = self.ask_target(tag, [t for t in self.annotations.tags() if t.id != tag.id])
        if target is not None:
            self._run(lambda: self.annotations.merge_tags(tag.id, target.id))

    def recolour(self) -> None:
        tag = self.current()
        colour = self.ask_colour(tag) if tag else None
        if tag and colour:
            self._run(lambda: self.annotations.recolour_tag(tag.id, colour))

    def delete(self) -> None:
        tag = self.current()
        if tag is not None:
            self._run(lambda: self.annotations.delete_tag(tag.id))

    # --- the questions, as dialogs ----------------------------------------------------------------
    def _ask_name(self, tag: TagInfo) -> str | None:
        name, ok = QInputDialog.getText(self, self.tr("Rename Tag"), self.tr("New name:"), text=tag.name)
        return name if ok else None

    def _ask_target(self, tag: TagInfo, others: list[TagInfo]) -> TagInfo | None:
        if not others:
            return None
        names = [t.name for t in others]
        name, ok = QInputDialog.getItem(
            self, self.tr("Merge Tags"), self.tr("Merge “%1” into:").replace("%1", tag.name), names, 0, False
        )
        return others[names.index(name)] if ok and name in names else None

    def _ask_colour(self, tag: TagInfo) -> str | None:
        colour = QColorDialog.getColor(QColor(tag.colour or "#cccccc"), self, self.tr("Tag Colour"))
        return colour.name() if colour.isValid() else None
