"""Where the words are: from a point, a caret or a raw offset to a word of the page's columns.

A word is named by its place, ``(column, block, index of the word in that block's TextWords)``;
the words of each block come from the background reading (``LanguageHelp.texts``). Mixin of
:class:`ui.language.language_help.LanguageHelp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF

from ui.language.word_geometry import char_at
from ui.reader.section_view import SectionColumn

if TYPE_CHECKING:
    from models.glossary.text_words import PlacedWord, TextWords
    from models.glossary.word_card import WordCard

#: (column, block, index of the word in that block's TextWords)
WordPlace = tuple[int, int, int]


def han_characters(text: TextWords, word: PlacedWord) -> str:
    """The characters of a word that have readings (Han characters only: safe in any label)."""
    return "".join(text.text[p] for p in word.positions if text.context_readings[p])


class WordPlaces:
    """The words of the shown page by place (the window's, the page's words, the dictionary)."""

    window: Any
    texts: list[list[TextWords]] | None
    dictionary: Any
    _cards: dict[tuple, WordCard]

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

    def _place_of_raw(self, raw_offset: int) -> WordPlace | None:
        for c, column in enumerate(self.texts or []):
            for b, text in enumerate(column):
                for i, word in enumerate(text.words):
                    if text.source[word.positions[0]] == raw_offset and text.is_readable(word):
                        return c, b, i
        return None
