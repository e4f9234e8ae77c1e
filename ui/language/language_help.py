"""The language layer of the reading view: word popups, the word cursor, pinyin above characters,
reading overrides and the vocabulary list.

One controller per window, composed of mixins named by what they do: ``word_places`` (which
word is where), ``word_popups`` (the popup and the column events), ``word_cursor`` (Ctrl+arrows),
``reading_edits`` (reading overrides), ``vocabulary_actions`` and ``language_actions`` (menus
and display choices); this module loads the language tools and follows the shown page.
It watches the columns (mouse and keys, through event filters), keeps each column's words
and readings (``TextWords``, read in the background) and draws through a ``ColumnOverlay``
per column. jieba, the pinyin engine and the
CC-CEDICT index load off the main thread after the first paint; until then the popup
says it is loading.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize
from PySide6.QtGui import QCursor

from ui.language.column_overlay import ColumnOverlay
from ui.language.language_actions import LanguageActions
from ui.language.language_settings import LanguageSettings
from ui.language.language_tasks import LanguageTasks
from ui.language.reading_edits import ReadingEdits
from ui.language.vocabulary_actions import VocabularyActions
from ui.language.word_cursor import WordCursor
from ui.language.word_places import WordPlace, WordPlaces
from ui.language.word_popup import WordPopup
from ui.language.word_popups import WordPopups

if TYPE_CHECKING:
    from models.glossary.text_words import TextWords
    from models.glossary.word_card import WordCard
    from ui.reader.host import ReaderHost

__all__ = ["LanguageHelp", "WordPlace"]


class LanguageHelp(
    WordPopups, WordCursor, WordPlaces, ReadingEdits, VocabularyActions, LanguageActions, QObject
):
    """Word popups, word cursor, ruby, overrides and vocabulary for one reading window."""

    def __init__(self, window: ReaderHost, dictionary_folder: Path | None = None) -> None:
        super().__init__(window)
        from models.library.location import app_data_dir

        self.window = window
        self.prefs = LanguageSettings(window.settings.store)
        # A Qt parent: deleted with the window, on the main thread (the workers never hold it
        # alive; their results reach it through ui.common.worker_results while it exists).
        self.tasks = LanguageTasks(dictionary_folder or app_data_dir(), self)
        self.tasks.loaded.connect(self._loaded)
        self.tasks.failed.connect(self._failed)
        self.tasks.pageRead.connect(self._page_read)
        self.dictionary = None
        self.load_error = ""
        self.texts: list[list[TextWords]] | None = None
        self.generation = 0
        self.overlays: list[ColumnOverlay] = []
        self.overrides: dict[int, tuple[str, str]] = {}
        self.page_id: int | None = None
        self.cursor: WordPlace | None = None
        self.hovered: WordPlace | None = None
        self.popup = WordPopup(window)
        self.vocabulary_window = None
        self._pending_source: int | None = None
        #: word cards by (word, syllables, overridden): a word seen once pops up without a lookup
        self._cards: dict[tuple, WordCard] = {}
        #: plain-text lines other layers add under a word's card (proofreading: what the OCR read),
        #: each asked with (column, block, start, end), code points of the block; escaped when shown
        self.word_notes: list[Callable[[int, int, int, int], str | None]] = []
        self._make_actions()
        self._make_menus()
        window.pageShown.connect(self._page_shown)
        window.installEventFilter(self)  # the popup goes when the window does (another app comes up)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """Every part's strings keep the one translation context, whichever module holds them."""
        return QCoreApplication.translate("LanguageHelp", text, disambiguation, n)

    # --- loading ---------------------------------------------------------------------------------------
    def start_loading(self) -> None:
        """Load jieba, the pinyin engine and the dictionary in the background (once)."""
        self.tasks.start_loading()

    @property
    def ready(self) -> bool:
        """Whether the current page's words and the dictionary are ready for popups."""
        return self.dictionary is not None and self.texts is not None

    def _loaded(self, dictionary) -> None:
        import gc

        # jieba's and the pinyin engine's tables are a few million objects that live as long as the
        # app: out of the collector's sight, its full passes no longer stall a hover for milliseconds.
        gc.freeze()
        self.dictionary = dictionary
        self._read_page()

    def _failed(self, reason: str) -> None:
        self.load_error = reason
        if self.popup.isVisible() and self.popup.card is None:  # it said "Loading…": say why not
            self.popup.show_loading(QRect(QCursor.pos(), QSize(1, 1)), reason)
        self.window.statusBar().showMessage(
            self.tr("Word help is not available: %1").replace("%1", reason), 8000
        )

    # --- pages -----------------------------------------------------------------------------------------------
    def _page_shown(self, _title: str = "") -> None:
        self.generation += 1
        self.texts = None
        self.cursor = self.hovered = None
        self._hide_popup()
        self._release_columns()
        for column in self.window.page_view.columns:
            overlay = ColumnOverlay(column)
            overlay.scheme = self.prefs.tone_scheme()
            self.overlays.append(overlay)
            column.installEventFilter(self)
            column.viewport().installEventFilter(self)
            if not column.property("languageHooked"):  # once per column: a page shown again after
                column.setProperty("languageHooked", True)  # an edit keeps its columns
                column.verticalScrollBar().valueChanged.connect(self._scrolled)
                column.contextMenuAboutToShow.connect(
                    lambda menu, point, c=column: self._context_menu(c, menu, point)
                )
        self.page_id = None
        self.overrides = {}
        if self.dictionary is not None:
            self._read_page()

    def _release_columns(self) -> None:
        """Stop watching the previous page's columns (they are being deleted)."""
        from shiboken6 import isValid

        for overlay in self.overlays:
            column = overlay.column
            if isValid(column):
                column.removeEventFilter(self)
                if isValid(column.viewport()):
                    column.viewport().removeEventFilter(self)
        self.overlays = []

    def _read_page(self) -> None:
        columns = [
            [(ref.text.text, list(ref.text.source)) for ref in column.blocks]
            for column in self.window.page_view.columns
        ]
        self.tasks.read_page(self.generation, columns)

    def _page_read(self, generation: int, texts: list[list[TextWords]]) -> None:
        if generation != self.generation:
            return  # a page shown since
        self.texts = texts
        self._find_page_id(create=False)
        self._apply_readings()
        if self._pending_source is not None:
            place = self._place_of_raw(self._pending_source)
            self._pending_source = None
            if place is not None:
                self._go(place)

    def _apply_readings(self) -> None:
        spoken = self.prefs.spoken()
        for column, overlay in zip(self.texts or [], self.overlays):
            for text in column:
                text.apply(self.overrides, spoken)
            overlay.texts = column
            overlay.update()
        self._refresh_popup()

    def library_page_id(self, create: bool = True) -> int | None:
        """The shown page's id in the library; a page opened from a file is added if need be."""
        return self._find_page_id(create)

    def _find_page_id(self, create: bool) -> int | None:
        """The library page shown (a page opened from a file is looked up by its text, or imported)."""
        w = self.window
        if self.page_id is not None or w.page is None:
            return self.page_id
        if w.library is None and (not create or not w.open_library()):
            return None
        from models.reading_overrides import find_page, page_overrides

        if w.page_where.startswith("library:"):
            self.page_id = getattr(w, "library_page_id", None)
        else:
            self.page_id = find_page(w.library, w.page.raw)
            if (
                self.page_id is None
                and create
                and w.page_where.startswith("file:")
                and w.library.path is not None
            ):
                w.library.import_paths([w.page_where[5:]])
                self.page_id = find_page(w.library, w.page.raw)
                if self.page_id is not None:
                    w.refresh_library()
                    w.statusBar().showMessage(self.tr("The page was added to the library."), 5000)
        if self.page_id is not None:
            self.overrides = page_overrides(w.library, self.page_id)
        return self.page_id
