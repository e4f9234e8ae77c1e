"""The tag manager: every tag with its count; rename, merge, recolour, delete.

Each action is one operation in the core, so Ctrl+Z in the window undoes it. The questions
it asks (a new name, the tag to merge into, a colour) go through replaceable callables, so
tests answer them without opening dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QListWidgetItem, QPushButton, QWidget

from models.annotations.records import Changed, TagInfo
from models.annotations.service import Annotations
from ui.annotations.list_dialog import ListDialog


class TagManager(ListDialog):
    """A dialog over the library's tags."""

    def __init__(self, annotations: Annotations, parent: QWidget | None = None) -> None:
        super().__init__(annotations, "tagList", parent)
        self.setWindowTitle(self.tr("Tags"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.colour_button = QPushButton(self.tr("&Colour…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.place_buttons(self._actions(), per_row=4)
        self.rename_button.clicked.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.colour_button.clicked.connect(self.recolour)
        self.delete_button.clicked.connect(self.delete)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        #: questions, replaceable in tests
        self.ask_name: Callable[[TagInfo], str | None] = self._ask_name
        self.ask_target: Callable[[TagInfo, list[TagInfo]], TagInfo | None] = self._ask_target
        self.ask_colour: Callable[[TagInfo], str | None] = self._ask_colour
        self.fill()

    def _actions(self) -> tuple[QPushButton, ...]:
        return (self.rename_button, self.merge_button, self.colour_button, self.delete_button)

    def records(self) -> list[TagInfo]:
        return self.annotations.tags()

    def make_item(self, number: int, record: TagInfo) -> QListWidgetItem:
        item = QListWidgetItem(f"{record.name}  ({record.count})")  # item text is plain
        if record.colour:
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(record.colour))
        return item

    def concerns(self, change: Changed) -> bool:
        return bool(change.tags)

    def fill(self) -> None:
        super().fill()
        self._enable()

    def tag_rows(self) -> list[tuple[str, int]]:
        """(name, count) of every row, as listed."""
        return [(t.name, t.count) for t in self.listed()]

    def _enable(self) -> None:
        for button in self._actions():
            button.setEnabled(self.current() is not None)
        self.merge_button.setEnabled(self.current() is not None and self.list.count() > 1)

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
