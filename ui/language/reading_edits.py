"""Setting a word's reading at one occurrence (a reading override kept in the library), clearing
it, exporting the overrides, and the column's context menu that offers it.

Mixin of :class:`ui.language.language_help.LanguageHelp`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog, QMenu

from ui.common.export_paths import ask_save_path
from ui.common.library_writes import run_write
from ui.language.word_places import WordPlace, han_characters
from ui.reader.section_view import SectionColumn


class ReadingEdits:
    """Reading overrides of the shown page (``overrides``: raw offset -> reading)."""

    window: Any
    page_id: int | None
    overrides: dict[int, tuple[str, str]]

    def _context_menu(self, column: SectionColumn, menu: QMenu, point: QPointF) -> None:
        place = self.place_at(column, point)
        if not isinstance(place, tuple):
            return
        if not self._proofreading():  # the word's card beside the menu; an editor's text stays clear
            self.set_cursor(place, pin=False)
        text, word = self.word(place)
        menu.addSeparator()
        menu.addAction(
            self.tr("Set Reading of %1…").replace("%1", han_characters(text, word)),
            lambda: self.edit_reading(place),
        )
        if text.is_overridden(word):
            menu.addAction(self.tr("Clear Reading Override"), lambda: self.clear_reading(place))
        menu.addAction(self.tr("Add to Vocabulary"), lambda: self.add_to_vocabulary(place))

    def edit_reading(self, place: WordPlace | None) -> bool:
        """Ask for the reading of a word at this occurrence and keep it in the library."""
        if place is None or self.texts is None:
            return False
        text, word = self.word(place)
        shown = han_characters(text, word)
        current = " ".join(r for r in text.syllables(word) if r)
        typed, ok = QInputDialog.getText(
            self.window,
            self.tr("Set Reading"),
            self.tr("Reading of %1 here (tone marks or numbers, one syllable per character):").replace(
                "%1", shown
            ),
            text=current,
        )
        if not ok:
            return False
        return self.set_reading(place, typed)

    def set_reading(self, place: WordPlace, typed: str) -> bool:
        """Store ``typed`` as the reading of a word at this occurrence; False (with a message) if refused."""
        from models.errors import DubaoError
        from models.reading_overrides import parse_syllables, set_readings

        text, word = self.word(place)
        positions = [p for p in word.positions if text.context_readings[p]]
        try:
            syllables = parse_syllables(typed, len(positions))
            page_id = self._find_page_id(create=True)
            if page_id is None:
                raise DubaoError(self.tr("Readings are kept in the library, which is not open."))
            set_readings(
                self.window.library, page_id, [(text.source[p], text.text[p]) for p in positions], syllables
            )
        except DubaoError as exc:
            self.window.show_error(self.tr("The reading was not changed"), str(exc))
            return False
        self._reload_overrides()
        return True

    def clear_reading(self, place: WordPlace) -> None:
        from models.reading_overrides import clear_readings

        text, word = self.word(place)
        if self._find_page_id(create=False) is None:
            return
        library, page_id, offsets = (
            self.window.library,
            self.page_id,
            [text.source[p] for p in word.positions],
        )
        run_write(
            self.window,
            self.tr("The reading"),
            lambda: clear_readings(library, page_id, offsets),
            done=lambda _n: self._reload_overrides(),
            refused=lambda reason: self.window.show_error(self.tr("The reading was not changed"), reason),
        )

    def _reload_overrides(self) -> None:
        from models.reading_overrides import page_overrides

        if self.page_id is not None and self.window.library is not None:
            self.overrides = page_overrides(self.window.library, self.page_id)
        self._apply_readings()

    def export_overrides(self) -> None:
        from models.errors import DubaoError
        from models.reading_overrides import export_csv

        if self.window.library is None and not self.window.open_library():
            return
        path, _ = ask_save_path(
            self.window, self.tr("Export Reading Overrides"), "reading-overrides.csv", self.tr("CSV (*.csv)")
        )
        if not path:
            return
        try:
            count = export_csv(self.window.library, path)
        except DubaoError as exc:
            self.window.show_error(self.tr("Nothing was exported"), str(exc))
            return
        self.window.statusBar().showMessage(self.tr("%n readings exported.", "", count), 5000)
