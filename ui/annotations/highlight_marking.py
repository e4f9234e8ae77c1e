"""Marking from the keyboard and choosing among overlapping highlights with the mouse.

Installed on each column of the page: with text selected, keys 1–9 highlight the selection
with that category; a click on highlighted words chooses that highlight, and where several
overlap, a small menu lists them (category and quote) to choose from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from models.annotations.records import CategoryInfo, HighlightInfo
from ui.annotations.highlight_painter import HighlightPainter
from ui.annotations.highlight_positions import SectionPositions
from ui.common.tooltips import menu_text
from ui.reader.section_view import SectionColumn

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def quote_label(h: HighlightInfo, category: CategoryInfo | None, width: int = 24) -> str:
    """A one-line name for a highlight in menus and lists: category and the start of the quote."""
    quote = " ".join(h.exact.split())
    if len(quote) > width:
        quote = quote[: width - 1] + "…"
    return f"{category.name if category else '?'} · {quote}"


class OverlapChooser(QMenu):
    """The menu shown where several highlights overlap; each entry is one highlight."""

    def __init__(
        self, highlights: Sequence[HighlightInfo], categories: dict[int, CategoryInfo], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overlapChooser")
        self.chosen: HighlightInfo | None = None
        for h in highlights:
            action = self.addAction(menu_text(quote_label(h, categories.get(h.category_id))))
            action.setData(h.id)
            action.triggered.connect(lambda _c=False, h=h: self._choose(h))

    def _choose(self, h: HighlightInfo) -> None:
        self.chosen = h


class ColumnMarking(QObject):
    """Keys 1–9 and clicks on one column; reports through the owner's callbacks."""

    #: (section index, start, end, key 1–9): the user asked to highlight a span
    markRequested = Signal(int, int, int, int)
    #: a highlight was chosen by clicking it (or picking it from the overlap menu)
    highlightChosen = Signal(object)

    def __init__(
        self,
        column: SectionColumn,
        painter: HighlightPainter,
        categories: Callable[[], dict[int, CategoryInfo]],
    ) -> None:
        super().__init__(column)
        self.column = column
        self.painter = painter
        self._categories = categories
        self._press: QPoint | None = None
        #: the menu's exec, replaceable in tests (returns the chosen highlight or None)
        self.choose: Callable[[OverlapChooser, QPoint], HighlightInfo | None] = _exec_chooser
        self._viewport = column.viewport()
        column.installEventFilter(self)
        self._viewport.installEventFilter(self)

    def detach(self) -> None:
        """Stop listening to the column (another page is shown)."""
        try:
            self.column.removeEventFilter(self)
            self._viewport.removeEventFilter(self)
        except RuntimeError:
            pass  # the column is already gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Look at nothing but the three events we want: while a page is replaced, the columns
        # are half destroyed and other events still pass through here.
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return watched is self.column and self._key(event)  # type: ignore[arg-type]
        if (
            kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
            or watched is not self._viewport
        ):
            return False
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._press = event.position().toPoint()  # type: ignore[attr-defined]
        else:
            self._click(event)  # type: ignore[arg-type]
        return False

    def _key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        number = _DIGITS.get(Qt.Key(event.key()))
        if number is None or mods != Qt.KeyboardModifier.NoModifier:
            return False
        span = SectionPositions(self.column).selection()
        if span is None:
            return False
        self.markRequested.emit(self.column.number, span[0], span[1], number)
        return True

    def _click(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is None or (point - self._press).manhattanLength() > 4:
            return  # a drag: the user is selecting, not clicking
        if self.column.textCursor().hasSelection():
            return
        self.choose_at(self.column.cursorForPosition(point).position(), point)

    def choose_at(self, position: int, point: QPoint | None = None) -> HighlightInfo | None:
        """Choose the highlight at a document position; a menu when several overlap there."""
        offset = SectionPositions(self.column).to_section(position)
        here = self.painter.at(offset)
        if not here:
            return None
        chosen: HighlightInfo | None = here[0]
        if len(here) > 1:
            menu = OverlapChooser(here, self._categories(), self.column)
            where = self.column.viewport().mapToGlobal(point or self.column.cursorRect().center())
            chosen = self.choose(menu, where)
            menu.deleteLater()
        if chosen is not None:
            self.highlightChosen.emit(chosen)
        return chosen


def _exec_chooser(menu: OverlapChooser, where: QPoint) -> HighlightInfo | None:
    menu.exec(where)
    return menu.chosen
