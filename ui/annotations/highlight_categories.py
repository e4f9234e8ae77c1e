"""Editing highlight categories: names, light and dark colours, order (and so keys 1–9).

A dialog over the core's categories; each action is one undoable operation. Its questions
(a name, a colour) go through replaceable callables so tests answer them without dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QColorDialog, QInputDialog, QListWidgetItem, QPushButton, QWidget

from models.annotations.categories import MEANINGS
from models.annotations.records import CategoryInfo, Changed
from models.annotations.service import Annotations
from ui.annotations.list_dialog import ListDialog


def swatch(light: str, dark: str, size: int = 16) -> QIcon:
    """A small square: the light colour on the left half, the dark one on the right."""
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(QColor(light))
    painter = QPainter(pixmap)
    painter.fillRect(size, 0, size, size, QColor(dark))
    painter.end()
    return QIcon(pixmap)


class CategoryEditor(ListDialog):
    """The categories in key order, with their colours."""

    def __init__(self, annotations: Annotations, parent: QWidget | None = None) -> None:
        super().__init__(annotations, "categoryList", parent)
        self.setWindowTitle(self.tr("Categories"))
        self.add_button = QPushButton(self.tr("&Add…"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.light_button = QPushButton(self.tr("&Light Colour…"))
        self.dark_button = QPushButton(self.tr("Dar&k Colour…"))
        self.up_button = QPushButton(self.tr("Move &Up"))
        self.down_button = QPushButton(self.tr("Move &Down"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        buttons = (self.add_button, self.rename_button, self.light_button, self.dark_button,
                   self.up_button, self.down_button, self.delete_button)  # fmt: skip
        self.place_buttons(buttons, per_row=4)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.light_button.clicked.connect(lambda: self.recolour(dark=False))
        self.dark_button.clicked.connect(lambda: self.recolour(dark=True))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.delete_button.clicked.connect(self.delete)
        #: questions, replaceable in tests
        self.ask_name: Callable[[str], str | None] = self._ask_name
        self.ask_colour: Callable[[str], str | None] = self._ask_colour
        self.fill()

    def records(self) -> list[CategoryInfo]:
        return self.annotations.categories()

    def make_item(self, number: int, record: CategoryInfo) -> QListWidgetItem:
        key = f"{number}  " if number <= 9 else "    "
        meaning = MEANINGS.get(record.name)
        item = QListWidgetItem(key + record.name + (f"  ({meaning})" if meaning else ""))
        item.setIcon(swatch(record.light_colour, record.dark_colour))
        return item

    def concerns(self, change: Changed) -> bool:
        return bool(change.categories)

    def names(self) -> list[str]:
        """The category names as listed (key order)."""
        return [c.name for c in self.listed()]

    def add(self) -> None:
        name = self.ask_name("")
        if name:
            self._run(lambda: self.annotations.add_category(name, "#d9d9d9", "#5c5c5c"))
            self.select(name.strip())

    def rename(self) -> None:
        category = self.current()
        name = self.ask_name(category.name) if category else None
        if category and name:
            self._run(lambda: self.annotations.update_category(category.id, name=name))

    def recolour(self, dark: bool) -> None:
        category = self.current()
        if category is None:
            return
        colour = self.ask_colour(category.colour(dark))
        if colour:
            key = "dark_colour" if dark else "light_colour"
            self._run(lambda: self.annotations.update_category(category.id, **{key: colour}))

    def move(self, delta: int) -> None:
        category = self.current()
        if category is not None:
            self._run(lambda: self.annotations.move_category(category.id, delta))

    def delete(self) -> None:
        category = self.current()
        if category is not None:
            self._run(lambda: self.annotations.delete_category(category.id))

    def _ask_name(self, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, self.tr("Category"), self.tr("Name:"), text=current)
        return name if ok else None

    def _ask_colour(self, current: str) -> str | None:
        colour = QColorDialog.getColor(QColor(current), self, self.tr("Category Colour"))
        return colour.name() if colour.isValid() else None
