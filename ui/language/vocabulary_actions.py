"""Saving a word to the vocabulary (with its reading, senses, sentence and place), the Vocabulary
window, and going back from a saved word to the page it was read on.

Mixin of :class:`ui.language.language_help.LanguageHelp`.
"""

from __future__ import annotations

from typing import Any

from ui.language.word_places import WordPlace


class VocabularyActions:
    """The Words menu's vocabulary entries and R."""

    window: Any
    vocabulary_window: Any
    _pending_source: int | None

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
