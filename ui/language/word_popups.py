"""The word popup: shown for the word under the mouse, pinned beside the word cursor, and the
column events (mouse, keys) that drive it.

Mixin of :class:`ui.language.language_help.LanguageHelp`, which installs itself as the event
filter of the window, the columns and their viewports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QCursor

from ui.language.word_geometry import span_rects
from ui.language.word_places import WordPlace
from ui.reader.section_view import SectionColumn

if TYPE_CHECKING:
    from ui.language.column_overlay import ColumnOverlay
    from ui.language.word_popup import WordPopup

_E = QEvent.Type
#: The events the word layer looks at (all others pass untouched).
_WATCHED = {
    _E.WindowDeactivate,
    _E.Hide,
    _E.ShortcutOverride,
    _E.KeyPress,
    _E.Resize,
    _E.MouseMove,
    _E.Leave,
    _E.MouseButtonPress,
}


class WordPopups:
    """Hover and pinned popups (the words come from :class:`~ui.language.word_places.WordPlaces`)."""

    window: Any
    popup: WordPopup
    overlays: list[ColumnOverlay]
    cursor: WordPlace | None
    hovered: WordPlace | None
    load_error: str

    def _global_rect(self, place: WordPlace) -> QRect:
        column = self.window.page_view.columns[place[0]]
        rects = span_rects(column, place[1], self._span(place)[1])
        if not rects:
            return QRect(column.viewport().mapToGlobal(column.viewport().rect().center()), column.size() * 0)
        box = rects[0]
        for r in rects[1:]:
            box = box.united(r)
        top_left = column.viewport().mapToGlobal(box.topLeft().toPoint())
        return QRect(top_left, box.size().toSize())

    def show_popup(self, place: WordPlace) -> None:
        """Fill and show the popup for a word (and what other layers note about it)."""
        dark = self.window.colours.dark
        _text, word = self.word(place)
        notes = [n for note in self.word_notes if (n := note(place[0], place[1], word.start, word.end))]
        self.popup.show_card(
            self.card(place), self.prefs.tone_scheme(), dark, self._global_rect(place), notes
        )

    def popup_shows(self, column: SectionColumn, position: int) -> bool:
        """Whether the popup is open on the word holding document ``position`` of ``column``."""
        place = self.cursor if self.popup.pinned else self.hovered
        if not self.popup.isVisible() or place is None or self.texts is None:
            return False
        columns = self.window.page_view.columns
        if (
            place[0] >= len(columns)
            or columns[place[0]] is not column
            or column.block_at(position) != place[1]
        ):
            return False
        _text, word = self.word(place)
        return word.start <= column.block_text_offset(place[1], position) < word.end

    def _hide_popup(self) -> None:
        self.popup.set_pinned(False)
        self.popup.hide()

    def _scrolled(self, _value: int = 0) -> None:
        """A pinned popup follows its word as the column scrolls; a hover popup goes away."""
        if not self.popup.isVisible():
            return
        if self.popup.pinned and self.cursor is not None:
            self.show_popup(self.cursor)
        else:
            self.popup.hide()

    def _refresh_popup(self) -> None:
        place = self.cursor or self.hovered
        if self.popup.isVisible() and place is None and self.popup.card is None and not self.popup.pinned:
            self._hover_under_mouse()  # it said "Loading…": the words are ready now
            return
        if self.popup.isVisible() and place is not None and self.texts is not None:
            self.show_popup(place)

    def _hover_under_mouse(self) -> None:
        """Show the word under the mouse where it is now (the pointer may not move again), or
        let the popup go when the mouse is over no word."""
        for column in self.window.page_view.columns:
            viewport = column.viewport()
            point = viewport.mapFromGlobal(QCursor.pos())
            if column.isVisible() and viewport.rect().contains(point):
                place = self.place_at(column, QPointF(point))
                if isinstance(place, tuple):
                    self.set_hovered(column, place)
                    return
                break
        self.popup.hide()

    def set_hovered(self, column: SectionColumn, place: WordPlace | None | bool) -> None:
        if place is True:
            self.start_loading()
            if not self.popup.pinned:
                self.popup.show_loading(QRect(QCursor.pos(), QSize(1, 1)), self.load_error)
            return
        if place == self.hovered:
            return
        self.hovered = place if place else None
        for i, overlay in enumerate(self.overlays):
            overlay.set_hovered(self._span(self.hovered) if self.hovered and self.hovered[0] == i else None)
        if self.popup.pinned:
            return
        if self.hovered is None:
            self.popup.hide()
        else:
            self.show_popup(self.hovered)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Look at the few events wanted before touching ``watched``: while a page is replaced its
        # columns are half destroyed and other events still pass through here.
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if watched is self.window:
            if kind in (QEvent.Type.WindowDeactivate, QEvent.Type.Hide) and not self.popup.isActiveWindow():
                self.popup.hide()
            return False
        if isinstance(watched, SectionColumn):
            if kind == QEvent.Type.ShortcutOverride and self._is_word_key(event):
                return True  # leave Ctrl+arrows to the word cursor (the column would move its text cursor)
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self.popup.isVisible():
                self.set_cursor(None)
                return True
            return False
        column = next((o.column for o in self.overlays if o.column.viewport() is watched), None)
        if column is None:
            return False
        if kind == QEvent.Type.Resize:
            for overlay in self.overlays:
                if overlay.column is column:
                    overlay.setGeometry(watched.rect())
        elif kind == QEvent.Type.MouseMove:
            # Dragging a selection is not looking words up; nor is an editor's mouse crossing
            # the text while proofreading (the word cursor, Ctrl+→ / Ctrl+←, still shows it).
            dragging = event.buttons() != Qt.MouseButton.NoButton
            quiet = dragging or self._proofreading()
            self.set_hovered(column, None if quiet else self.place_at(column, event.position()))
        elif kind == QEvent.Type.Leave:
            self.set_hovered(column, None)
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            if self._proofreading():  # a click puts the caret there: no popup over it
                if self.popup.pinned or self.cursor is not None:
                    self.set_cursor(None)
                return False
            place = self.place_at(column, event.position())
            if isinstance(place, tuple):
                self.set_cursor(place, pin=True)
            elif self.popup.pinned:
                self.set_cursor(None)
        return False

    def _proofreading(self) -> bool:
        """Whether the window is in proofreading mode (the editor types in the columns)."""
        session = getattr(self.window, "proofreading", None)
        return bool(getattr(session, "active", False))

    @staticmethod
    def _is_word_key(event) -> bool:
        return event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        )
