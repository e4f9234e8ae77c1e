"""The words of one text of a page (a paragraph or a head field) and the reading of each character.

Readings are decided once, in context (``models.language``), then the editor's
overrides are laid on top (keyed by raw-text offset, so they follow the page whatever
column shows it), and spoken tones (sandhi) when the reader asks for them. The popup
and the pinyin above the characters both read from here, so they always agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Where a sentence ends (the vocabulary keeps the sentence a word came from).
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*")
#: Between texts read in one batch: a blank line, which ends every clause and joins no words.
_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class PlacedWord:
    """A word as jieba cut it: where it lies in the text (code points) and its characters' places."""

    word: str
    start: int
    end: int  # just past the word (OCR spacing inside a word lies between start and end)
    positions: tuple[int, ...]  # the code-point offset of each character of ``word``


class TextWords:
    """Words and per-character readings of one text; ``source`` maps each character to the raw text."""

    def __init__(
        self,
        text: str,
        source: Sequence[int],
        words: Sequence[PlacedWord],
        readings: Sequence[str | None],
    ) -> None:
        if len(readings) != len(text) or len(source) != len(text):
            raise ValueError("one reading and one raw offset per character are needed")
        self.text = text
        self.source = list(source)
        self.words = list(words)
        self.context_readings: list[str | None] = list(readings)
        self.readings: list[str | None] = list(readings)
        #: the readings in citation tones, overrides included (``readings`` may show spoken tones)
        self.citation: list[str | None] = list(readings)
        #: code-point offsets whose reading an editor set
        self.overridden: set[int] = set()
        self._starts = [w.start for w in self.words]

    @classmethod
    def read(cls, text: str, source: Sequence[int] | None = None) -> TextWords:
        """Cut and read ``text`` (loads jieba and the pinyin engine on first use)."""
        from models.language import words_with_readings

        source = list(range(len(text))) if source is None else source
        readings: list[str | None] = [None] * len(text)
        words: list[PlacedWord] = []
        for found in words_with_readings(text):
            positions = _positions(text, found.word, found.start, found.end)
            words.append(PlacedWord(found.word, found.start, found.end, positions))
            for pos, syllable in zip(positions, found.syllables):
                readings[pos] = syllable
        return cls(text, source, words, readings)

    @classmethod
    def read_many(cls, texts: Sequence[tuple[str, Sequence[int]]]) -> list[TextWords]:
        """``read`` for many texts at once: one pass of the pinyin engine (a page's texts, batched).

        The texts are read as one text with a blank line between them: a blank line ends a
        clause and is never taken for OCR spacing, so each reads exactly as it would alone.
        """
        from models.language import words_with_readings

        joined = _SEPARATOR.join(text for text, _source in texts)
        found = words_with_readings(joined)
        out: list[TextWords] = []
        k = 0
        base = 0
        for text, source in texts:
            readings: list[str | None] = [None] * len(text)
            words: list[PlacedWord] = []
            end = base + len(text)
            while k < len(found) and found[k].start < end:
                w = found[k]
                k += 1
                if w.start < base:
                    continue  # the separator
                positions = _positions(text, w.word, w.start - base, w.end - base)
                words.append(PlacedWord(w.word, w.start - base, w.end - base, positions))
                for pos, syllable in zip(positions, w.syllables):
                    readings[pos] = syllable
            out.append(cls(text, source, words, readings))
            base = end + len(_SEPARATOR)
        return out

    def apply(self, overrides: Mapping[int, tuple[str, str]], spoken: bool = False) -> None:
        """Lay the editor's overrides (raw offset -> (character, pinyin)) and, if asked, spoken tones."""
        readings = list(self.context_readings)
        self.overridden = set()
        for i, raw in enumerate(self.source):
            found = overrides.get(raw)
            # A correction may have changed the character shown there: the override was for the old one.
            if found is not None and found[0] == self.text[i]:
                readings[i] = found[1]
                self.overridden.add(i)
        self.citation = list(readings)
        if spoken:
            from models.language import spoken_tones

            readings = spoken_tones(self.text, readings)
        self.readings = readings

    def index_at(self, offset: int) -> int:
        """The index in ``words`` of the word covering code-point ``offset``, or -1."""
        lo, hi = 0, len(self.words)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.words[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.words) and self.words[lo].start <= offset:
            return lo
        return -1

    def word_at(self, offset: int) -> PlacedWord | None:
        index = self.index_at(offset)
        return self.words[index] if index >= 0 else None

    def syllables(self, word: PlacedWord) -> tuple[str | None, ...]:
        """How each character of a word is read here (overrides and spoken tones included)."""
        return tuple(self.readings[p] for p in word.positions)

    def citation_syllables(self, word: PlacedWord) -> tuple[str | None, ...]:
        """A word's reading here in citation tones (what the dictionary prints)."""
        return tuple(self.citation[p] for p in word.positions)

    def is_overridden(self, word: PlacedWord) -> bool:
        return any(p in self.overridden for p in word.positions)

    def is_readable(self, word: PlacedWord) -> bool:
        """Whether a word has any Chinese reading (the word cursor skips punctuation and numbers)."""
        return any(self.readings[p] for p in word.positions)

    def sentence_at(self, offset: int) -> str:
        """The sentence holding code-point ``offset``, stripped (line wraps made spaces)."""
        start = 0
        for match in _SENTENCE_END.finditer(self.text):
            if match.end() > offset:
                return _clean(self.text[start : match.end()])
            start = match.end()
        return _clean(self.text[start:])


def _positions(text: str, word: str, start: int, end: int) -> tuple[int, ...]:
    """Each character's offset in ``text``: OCR spacing inside the word is skipped."""
    if end - start == len(word):
        return tuple(range(start, end))
    out: list[int] = []
    j = start
    for ch in word:
        while j < end and text[j] != ch:
            j += 1
        out.append(min(j, end - 1))
        j += 1
    return tuple(out)


def _clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()
