"""The word cursor: Ctrl+→ / Ctrl+← move an outline from word to word in reading order (across
paragraphs and columns), the popup pinned beside it; a click puts it on a word.

Mixin of :class:`ui.language.language_help.LanguageHelp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.language.word_places import WordPlace

if TYPE_CHECKING:
    from ui.language.column_overlay import ColumnOverlay
    from ui.language.word_popup import WordPopup


class WordCursor:
    """Moving the word cursor (the words from :class:`~ui.language.word_places.WordPlaces`)."""

    window: Any
    popup: WordPopup
    overlays: list[ColumnOverlay]
    cursor: WordPlace | None

    def set_cursor(self, place: WordPlace | None, pin: bool = True) -> None:
        """Put the word cursor on a word (outlined, popup pinned beside it); None removes it."""
        self.cursor = place
        for i, overlay in enumerate(self.overlays):
            overlay.set_cursor(self._span(place) if place and place[0] == i else None)
        if place is None:
            self._hide_popup()
            return
        self.popup.set_pinned(pin)
        self.show_popup(place)
        self.popup.set_pinned(pin)

    def move_cursor(self, step: int) -> bool:
        """Move the word cursor to the next (1) or previous (-1) word; False at the page's end."""
        if self.texts is None:
            self.start_loading()
            self.window.statusBar().showMessage(self.tr("Loading the dictionary…"), 3000)
            return False
        place = self.cursor
        if place is None:
            place = self._start_place(step)
            if place is None:
                return False
            if self._readable(place):
                self._go(place)
                return True
        found = self._step(place, step)
        if found is None:
            return False
        self._go(found)
        return True

    def _go(self, place: WordPlace) -> None:
        view = self.window.page_view
        number, block, _index = place
        column = view.columns[number]
        if view.active != number:
            view.focus_column(number)
        text, word = self.word(place)
        ref = column.blocks[block]
        cursor = column.textCursor()
        cursor.setPosition(ref.position + ref.utf16_map().to_utf16(word.start))
        column.setTextCursor(cursor)
        column.ensureCursorVisible()
        view.ensure_column_visible(number)
        self.set_cursor(place)
