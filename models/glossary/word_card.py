"""What the word popup says about a word: forms, reading here, CC-CEDICT senses, other readings.

Everything is looked up in the CC-CEDICT index (``models.language.dictionary``); the
reading shown is the one decided in context (or set by an editor), never the
dictionary's first one. A word jieba made that the dictionary lacks is explained by its
longest dictionary sub-words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from models.language.dictionary import DictionaryEntry


class WordDictionary(Protocol):
    """The lookups a word card needs (``models.language.dictionary.Dictionary`` has them)."""

    def lookup(self, word: str) -> list[DictionaryEntry]: ...

    def sub_words(self, word: str, longest: int = 8) -> list[str]: ...


@dataclass(frozen=True)
class WordPart:
    """A dictionary word inside a longer word, with its entries."""

    word: str
    entries: tuple[DictionaryEntry, ...]  # this reading's first
    pinyin: str = ""  # how the part is read here


@dataclass(frozen=True)
class WordCard:
    """The popup's content for one occurrence of a word."""

    word: str
    traditional: str  # empty when the traditional form is the same
    syllables: tuple[str | None, ...]  # one per character of ``word``, as read in this sentence
    entries: tuple[DictionaryEntry, ...]  # every entry of the headword, this reading's first
    other_readings: tuple[str, ...]  # the dictionary's other readings of the word
    parts: tuple[WordPart, ...] = field(default=())  # when the dictionary lacks the word
    overridden: bool = False  # an editor set the reading of this occurrence
    #: polyphonic characters of a longer word and their other dictionary readings (行: xíng, …)
    char_readings: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    #: the reading in citation tones (differs from ``pinyin`` when spoken tones are shown)
    citation_pinyin: str = ""

    @property
    def pinyin(self) -> str:
        """The reading here as one string ('yín háng')."""
        return " ".join(s for s in self.syllables if s)

    @property
    def simplified(self) -> str:
        """The simplified form (a traditional page's word shows its simplified headword)."""
        for entry in self.entries:
            if entry.traditional == self.word:
                return entry.simplified
        return self.word

    def definition(self) -> str:
        """The senses for this reading (all senses when no entry has it), for vocabulary cards."""
        cited = self.citation_pinyin or self.pinyin
        chosen = [e for e in self.entries if _same(e.pinyin, cited)] or list(self.entries)
        if not chosen:
            return " + ".join(
                f"{p.word}: {'; '.join(_senses(_reading_first(p)))}" for p in self.parts if p.entries
            )
        return " / ".join("; ".join(e.senses) for e in chosen)


def _same(a: str, b: str) -> bool:
    return a.lower().replace(" ", "") == b.lower().replace(" ", "")


def _reading_first(part: WordPart) -> list[DictionaryEntry]:
    """A part's entries for its reading here, or all of them."""
    return [e for e in part.entries if _same(e.pinyin, part.pinyin)] or list(part.entries)


def _senses(entries: Sequence[DictionaryEntry]) -> list[str]:
    return [s for e in entries for s in e.senses]


def word_card(
    word: str,
    syllables: Sequence[str | None],
    dictionary: WordDictionary,
    overridden: bool = False,
    citation: Sequence[str | None] | None = None,
) -> WordCard:
    """The card for ``word`` read as ``syllables`` here.

    ``citation`` is the reading in citation tones when ``syllables`` shows spoken tones
    (你好 said ní hǎo is the dictionary's nǐ hǎo): the dictionary is matched on it.
    """
    cited = tuple(citation) if citation is not None else tuple(syllables)
    pinyin = " ".join(s for s in cited if s)
    entries = dictionary.lookup(word)
    # This reading's entries first (行 read háng in 银行 lists háng before xíng), then the rest.
    entries.sort(key=lambda e: not _same(e.pinyin, pinyin))
    others = tuple(dict.fromkeys(e.pinyin for e in entries if not _same(e.pinyin, pinyin)))
    parts: tuple[WordPart, ...] = ()
    traditional = ""
    if entries:
        for entry in entries:  # the entry of this reading first: 发 fā is 發, 发 fà is 髮
            if entry.simplified == word and entry.traditional != word:
                traditional = entry.traditional
                break
            if entry.traditional == word and entry.simplified != word:
                traditional = word  # a traditional page: the card leads with the simplified form
                break
    elif len(word) > 1:
        pieces = dictionary.sub_words(word)
        built: list[WordPart] = []
        at = 0
        for piece in pieces:
            here = " ".join(s for s in cited[at : at + len(piece)] if s)
            found = dictionary.lookup(piece)
            found.sort(key=lambda e, here=here: not _same(e.pinyin, here))  # 区 qū before 区 Ōu
            built.append(WordPart(piece, tuple(found), here))
            at += len(piece)
        parts = tuple(built)
        forms = [p.entries[0].traditional if p.entries else p.word for p in parts]
        if "".join(forms) != word:
            traditional = "".join(forms)
    char_readings: list[tuple[str, tuple[str, ...]]] = []
    if len(word) > 1:
        for ch, syllable in zip(word, cited):
            if not syllable:
                continue
            readings = dict.fromkeys(e.pinyin.lower() for e in dictionary.lookup(ch))
            extra = tuple(r for r in readings if not _same(r, syllable))
            if extra and (ch, extra) not in char_readings:
                char_readings.append((ch, extra))
    return WordCard(
        word=word,
        traditional=traditional,
        syllables=tuple(syllables),
        entries=tuple(entries),
        other_readings=others,
        parts=parts,
        overridden=overridden,
        char_readings=tuple(char_readings),
        citation_pinyin=pinyin,
    )
