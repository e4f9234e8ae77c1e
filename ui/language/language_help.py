"""The language layer of the reading view: word popups, the word cursor, pinyin above characters,
reading overrides and the vocabulary list.

One controller per window. It watches the columns (mouse and keys, through event
filters), keeps each column's words and readings (``TextWords``, read in the background)
and draws through a ``ColumnOverlay`` per column. jieba, the pinyin engine and the
CC-CEDICT index load off the main thread after the first paint; until then the popup
says it is loading.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCursor, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from ui.common.export_paths import ask_save_path
from ui.common.library_writes import run_write
from ui.language.column_overlay import ColumnOverlay
from ui.language.language_settings import LanguageSettings
from ui.language.language_tasks import LanguageTasks
from ui.language.word_geometry import char_at, span_rects
from ui.language.word_popup import WordPopup
from ui.reader.section_view import SectionColumn

if TYPE_CHECKING:
    from models.glossary.text_words import PlacedWord, TextWords
    from models.glossary.word_card import WordCard
    from ui.reader.host import ReaderHost

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

#: (column, block, index of the word in that block's TextWords)
WordPlace = tuple[int, int, int]


class LanguageHelp(QObject):
    """Word popups, word cursor, ruby, overrides and vocabulary for one reading window."""

    def __init__(self, window: ReaderHost, dictionary_folder: Path | None = None) -> None:
        super().__init__(window)
        from models.library.location import app_data_dir

        self.window = window
        self.prefs = LanguageSettings(window.settings.store)
        # No Qt parent: the worker threads hold it, so it outlives a window closed while they run.
        self.tasks = LanguageTasks(dictionary_folder or app_data_dir())
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

    # --- actions and menus ---------------------------------------------------------------------------
    def _page_action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        """An action whose key works while the reading view has the keyboard."""
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.window.page_view.addAction(action)
        return action

    def _make_actions(self) -> None:
        w = self.window
        self.next_word_action = self._page_action(
            self.tr("Next &Word"), lambda: self.move_cursor(1), "Ctrl+Right"
        )
        self.previous_word_action = self._page_action(
            self.tr("Previous W&ord"), lambda: self.move_cursor(-1), "Ctrl+Left"
        )
        self.add_word_action = self._page_action(
            self.tr("&Add Word to Vocabulary"), self.add_to_vocabulary, "R"
        )
        self.set_reading_action = QAction(self.tr("Set &Reading…"), w)
        self.set_reading_action.triggered.connect(lambda: self.edit_reading(self.cursor or self.hovered))
        self.vocabulary_action = QAction(self.tr("&Vocabulary…"), w)
        self.vocabulary_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.vocabulary_action.triggered.connect(self.show_vocabulary)
        w.addAction(self.vocabulary_action)
        self.export_overrides_action = QAction(self.tr("&Export Reading Overrides…"), w)
        self.export_overrides_action.triggered.connect(self.export_overrides)
        self.ruby_action = QAction(self.tr("&Pinyin Above Characters"), w, checkable=True)
        self.ruby_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.ruby_action.setChecked(self.prefs.ruby())
        self.ruby_action.toggled.connect(self.set_ruby)
        w.addAction(self.ruby_action)
        self.spoken_action = QAction(self.tr("&Spoken Tones"), w, checkable=True)
        self.spoken_action.setChecked(self.prefs.spoken())
        self.spoken_action.toggled.connect(self.set_spoken)
        self.tone_actions = QActionGroup(w)
        for scheme, label in (
            ("standard", self.tr("&Standard")),
            ("pleco", self.tr("&Pleco")),
            ("none", self.tr("&No Colours")),
        ):
            action = QAction(label, w, checkable=True)
            action.setData(scheme)
            action.setChecked(scheme == self.prefs.tone_scheme())
            action.triggered.connect(lambda _checked=False, s=scheme: self.set_tone_scheme(s))
            self.tone_actions.addAction(action)

    def _make_menus(self) -> None:
        w = self.window
        view = w.view_menu
        view.addSeparator()
        view.addAction(self.ruby_action)
        view.addAction(self.spoken_action)
        tones = view.addMenu(self.tr("Tone &Colours"))
        tones.addActions(self.tone_actions.actions())
        self.words_menu = QMenu(self.tr("&Words"), w)
        self.words_menu.addAction(self.next_word_action)
        self.words_menu.addAction(self.previous_word_action)
        self.words_menu.addSeparator()
        self.words_menu.addAction(self.add_word_action)
        self.words_menu.addAction(self.set_reading_action)
        self.words_menu.addSeparator()
        self.words_menu.addAction(self.vocabulary_action)
        self.words_menu.addAction(self.export_overrides_action)
        actions = w.menuBar().actions()
        w.menuBar().insertMenu(actions[-1] if actions else None, self.words_menu)

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

    # --- words on screen ---------------------------------------------------------------------------------
    def word(self, place: WordPlace) -> tuple[TextWords, PlacedWord]:
        column, block, index = place
        text = self.texts[column][block]  # type: ignore[index]
        return text, text.words[index]

    def card(self, place: WordPlace) -> WordCard:
        """The popup's content for a word on the page."""
        text, word = self.word(place)
        key = (word.word, text.syllables(word), text.is_overridden(word), text.citation_syllables(word))
        card = self._cards.get(key)
        if card is None:
            if len(self._cards) > 20_000:
                self._cards.clear()
            from models.glossary.word_card import word_card

            card = self._cards[key] = word_card(key[0], key[1], self.dictionary, key[2], citation=key[3])
        return card

    def place_at(self, column: SectionColumn, point: QPointF) -> WordPlace | None | bool:
        """The word under a viewport point; True when over text while the words are still loading."""
        found = char_at(column, point)
        if found is None:
            return None
        if self.texts is None:
            return True
        block, offset = found
        number = self.window.page_view.columns.index(column)
        text = self.texts[number][block]
        index = text.index_at(offset)
        if index < 0 or not text.is_readable(text.words[index]):
            return None
        return number, block, index

    def _span(self, place: WordPlace | None) -> tuple[int, list[int]] | None:
        if place is None or self.texts is None:
            return None
        _text, word = self.word(place)
        return place[1], list(word.positions)

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
        if self.popup.isVisible() and place is not None and self.texts is not None:
            self.show_popup(place)

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

    # --- the word cursor ------------------------------------------------------------------------------------
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

    def _readable(self, place: WordPlace) -> bool:
        text, word = self.word(place)
        return text.is_readable(word)

    def _start_place(self, step: int) -> WordPlace | None:
        """Where the cursor starts: the word at the text cursor of the active column."""
        view = self.window.page_view
        number = max(0, view.active)
        if number >= len(view.columns) or not self.texts or not self.texts[number]:
            return None
        column = view.columns[number]
        position = column.textCursor().position()
        block = max(0, column.block_at(position))
        text = self.texts[number][block]
        if not text.words:
            return self._step((number, block, 0), step)
        offset = column.block_text_offset(block, position)
        index = text.index_at(min(offset, len(text.text) - 1))
        return number, block, max(0, index)

    def _step(self, place: WordPlace, step: int) -> WordPlace | None:
        """The next readable word after ``place`` in reading order (across blocks and columns)."""
        texts = self.texts or []
        column, block, index = place
        start: int | None = index + step
        while 0 <= column < len(texts):
            blocks = texts[column]
            while 0 <= block < len(blocks):
                words = blocks[block].words
                i = start if start is not None else (0 if step > 0 else len(words) - 1)
                while 0 <= i < len(words):
                    if blocks[block].is_readable(words[i]):
                        return column, block, i
                    i += step
                block += step
                start = None
            column += step
            if 0 <= column < len(texts):
                block = 0 if step > 0 else len(texts[column]) - 1
            start = None
        return None

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

    # --- events from the columns -----------------------------------------------------------------------
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
            # Dragging a selection is not looking words up.
            dragging = event.buttons() != Qt.MouseButton.NoButton
            self.set_hovered(column, None if dragging else self.place_at(column, event.position()))
        elif kind == QEvent.Type.Leave:
            self.set_hovered(column, None)
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            place = self.place_at(column, event.position())
            if isinstance(place, tuple):
                self.set_cursor(place, pin=True)
            elif self.popup.pinned:
                self.set_cursor(None)
        return False

    @staticmethod
    def _is_word_key(event) -> bool:
        return event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        )

    def _context_menu(self, column: SectionColumn, menu: QMenu, point: QPointF) -> None:
        place = self.place_at(column, point)
        if not isinstance(place, tuple):
            return
        self.set_cursor(place, pin=False)
        text, word = self.word(place)
        menu.addSeparator()
        menu.addAction(
            self.tr("Set Reading of %1…").replace("%1", _han(text, word)), lambda: self.edit_reading(place)
        )
        if text.is_overridden(word):
            menu.addAction(self.tr("Clear Reading Override"), lambda: self.clear_reading(place))
        menu.addAction(self.tr("Add to Vocabulary"), lambda: self.add_to_vocabulary(place))

    # --- overrides -----------------------------------------------------------------------------------------
    def edit_reading(self, place: WordPlace | None) -> bool:
        """Ask for the reading of a word at this occurrence and keep it in the library."""
        if place is None or self.texts is None:
            return False
        text, word = self.word(place)
        shown = _han(text, word)
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

    # --- vocabulary -----------------------------------------------------------------------------------------
    def add_to_vocabulary(self, place: WordPlace | None = None) -> bool:
        """Save the word at the word cursor (or ``place``) with its reading, senses, sentence and place."""
        from models.errors import DubaoError
        from models.vocabulary import add_word

        place = place if isinstance(place, tuple) else (self.cursor or self.hovered)
        if place is None or self.texts is None or self.dictionary is None:
            self.window.statusBar().showMessage(
                self.tr("Put the word cursor on a word first (Ctrl+→)."), 4000
            )
            return False
        text, word = self.word(place)
        card = self.card(place)
        try:
            page_id = self._find_page_id(create=True)
            if self.window.library is None:
                raise DubaoError(self.tr("The vocabulary is kept in the library, which is not open."))
            add_word(
                self.window.library,
                simplified=card.simplified,
                traditional=card.traditional,
                pinyin=card.pinyin,
                definition=card.definition(),
                sentence=text.sentence_at(word.start),
                page_id=page_id,
                raw_offset=text.source[word.positions[0]],
            )
        except DubaoError as exc:
            self.window.show_error(self.tr("The word was not saved"), str(exc))
            return False
        self.window.statusBar().showMessage(
            self.tr("%1 added to the vocabulary.").replace("%1", card.simplified), 4000
        )
        if self.vocabulary_window is not None:
            self.vocabulary_window.refresh()
        return True

    def show_vocabulary(self) -> None:
        from ui.language.vocabulary_window import VocabularyWindow

        if self.window.library is None and not self.window.open_library():
            return
        if self.vocabulary_window is None:
            self.vocabulary_window = VocabularyWindow(self.window.library, self.window)
            self.vocabulary_window.sourceActivated.connect(self.show_source)
        self.vocabulary_window.refresh()
        self.vocabulary_window.show()
        self.vocabulary_window.raise_()

    def show_source(self, page_id: int, raw_offset: int) -> bool:
        """Open the page a vocabulary word was saved from, at the paragraph it was read in."""
        if not self.window.open_library_page(page_id):
            return False
        if raw_offset >= 0:
            self.window.page_view.go_to_raw_offset(raw_offset)
            self._pending_source = raw_offset  # the word cursor goes there once the words are read
        self.window.activateWindow()
        return True

    def _place_of_raw(self, raw_offset: int) -> WordPlace | None:
        for c, column in enumerate(self.texts or []):
            for b, text in enumerate(column):
                for i, word in enumerate(text.words):
                    if text.source[word.positions[0]] == raw_offset and text.is_readable(word):
                        return c, b, i
        return None

    # --- display choices ---------------------------------------------------------------------------------------
    def set_ruby(self, shown: bool) -> None:
        """Pinyin above every character of the page (on or off, remembered)."""
        self.prefs.set_ruby(bool(shown))
        if self.ruby_action.isChecked() != bool(shown):
            self.ruby_action.setChecked(bool(shown))
        if shown:
            self.start_loading()
        self.window.restyle()
        for overlay in self.overlays:
            if overlay.column.is_masthead:
                overlay.column.fit_height()  # the pinyin band makes it taller
            overlay.update()

    def set_spoken(self, spoken: bool) -> None:
        self.prefs.set_spoken(bool(spoken))
        if self.spoken_action.isChecked() != bool(spoken):
            self.spoken_action.setChecked(bool(spoken))
        if self.texts is not None:
            self._apply_readings()

    def set_tone_scheme(self, scheme: str) -> None:
        self.prefs.set_tone_scheme(scheme)
        for action in self.tone_actions.actions():
            action.setChecked(action.data() == scheme)
        for overlay in self.overlays:
            overlay.scheme = self.prefs.tone_scheme()
            overlay.update()
        self._refresh_popup()


def _han(text: TextWords, word: PlacedWord) -> str:
    """The characters of a word that have readings (Han characters only: safe in any label)."""
    return "".join(text.text[p] for p in word.positions if text.context_readings[p])
