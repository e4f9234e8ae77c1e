"""Context-correct pinyin: how each character of a text is read in its sentence.

Layers, most certain first:

1. jieba cuts the text into words; a word found in the word table takes the table's
   reading (银行 yín háng, 行走 xíng zǒu, 重庆 chóng qìng, 了解 liǎo jiě).
2. A word the table lacks (jieba makes compounds such as 银行行长) is cut again into the
   longest table words inside it, so no character falls back to its first reading
   when a word around it knows better; so is a run of one-character words (jieba's
   dictionary lacks 新冠, the table has it).
   Names, places and transliterations (proper nouns) are where the tables err most
   (勃艮第 gèn, 塞尔维亚 sài): there the polyphone model may overrule the table (layer 3).
3. Characters still left on their own, with more than one reading, go to context rules
   for particles, measure words and surnames (``context_rules``), then to a small
   BiLSTM trained on the CPP benchmark (``polyphone_model``).

Each character gets its citation tone as dictionaries print it for the character
(一 yī, 不 bù, no sandhi; 弟弟 dì dì rather than the word's light-tone dìdi); particles
whose own reading is neutral stay unmarked (le, de, zhe). ``spoken`` applies tone sandhi
on top when asked; the dictionary popup shows CC-CEDICT's word readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import itemgetter
from typing import NamedTuple

from models.language import polyphone_step, segmenter
from models.language.phrase_table import MAX_WORD, char_readings, is_han, proper_nouns, word_table
from models.language.syllables import numbered, tone_of

#: Characters whose citation reading is fixed, whatever the word table prints.
_CITATION = {"一": "yī", "不": "bù"}

_CITED = re.compile("[" + "".join(_CITATION) + "]")

#: Han characters (the BMP blocks and the astral ones, 𠀀 and beyond).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: A gap OCR left inside a word: spaces, or a line wrap, between two Han characters.
_GAP = re.compile(f"(?<=[{_HAN}])(?:[ \t\u3000]+\\n?[ \t\u3000]*|\\n[ \t\u3000]*)(?=[{_HAN}])")

#: Where a clause ends: the model and the rules look no further than this for context.
_CLAUSE_END = re.compile(r"(?<=[。！？；!?;\n])")


@dataclass(frozen=True)
class WordReading:
    """One word of a text as jieba cut it, where it lies (code points) and how it is read."""

    word: str
    start: int
    end: int  # just past the word; end - start > len(word) when OCR spaces or a line wrap split it
    syllables: tuple[str | None, ...]  # one per character of ``word``

    @property
    def pinyin(self) -> str:
        """The word's syllables joined by spaces, characters without a reading left out."""
        return " ".join(s for s in self.syllables if s)


class _Clause:
    """A clause being read: its words, and a reading (or None) per code point."""

    __slots__ = ("text", "words", "readings", "open", "options", "names", "_reads")

    def __init__(
        self,
        text: str,
        words: list[str],
        readings: list[str | None],
        open_at: list[int],
        reads: Sequence[_WordRead],
        options: dict[int, tuple[str, ...]],
        names: dict[int, str] | None = None,
    ) -> None:
        self.text = text
        self.words = words
        self.readings = readings
        self.open = open_at  # positions of polyphonic characters no word decided
        self.options = options  # positions where the word table gives two readings
        self.names: dict[int, str] = {} if names is None else names  # polyphones inside proper nouns, as read
        self._reads = reads

    @property
    def pieces(self) -> list[str]:
        """The clause as the word table cut it: table words and lone characters (for the tools)."""
        return list(chain.from_iterable([read.pieces for read in self._reads]))


def _cover(word: str, table: Mapping[str, str]) -> list[tuple[int, int]]:
    """The word cut into the longest table words, left to right; characters left alone are (i, i+1)."""
    pieces: list[tuple[int, int]] = []
    i, n = 0, len(word)
    while i < n:
        if i + 2 < n and word[i + 1] in _SAID_TWICE and word[i] == word[i + 2] and word[i] * 2 in table:
            pieces.append((i, i + 3))  # a verb said twice around 一: 数一数 as 数数 shǔ
            i += 3
            continue
        for j in range(min(n, i + MAX_WORD), i + 1, -1):
            if word[i:j] in table:
                pieces.append((i, j))
                i = j
                break
        else:
            pieces.append((i, i + 1))
            i += 1
    return pieces


#: What stands between a verb said twice (看一看, 数一数): the verb reads as its reduplication (看看, 数数).
_SAID_TWICE = "一"


def _table_reading(word: str, table: Mapping[str, str]) -> str:
    """The table's syllables for a table word or a verb said twice around 一 (数一数: 数数's)."""
    found = table.get(word)
    if found is not None:
        return found
    first = table[word[0] * 2].split(" ")[0]
    return f"{first} yī {first}"


@lru_cache(maxsize=8192)
def _citation(ch: str, syllable: str) -> str:
    """A syllable a word table prints in the neutral tone, in its character's own tone.

    Dictionaries print 弟弟 dìdi and 枇杷 pípa; said on its own, and in the readings shown
    above each character, 弟 is dì and 杷 is pá. Characters whose own reading is neutral
    (了 le, 的 de, 子 zi, 们 men) keep it.
    """
    if syllable == "r":
        return "ér"  # the table's erhua (一块儿 yíkuàir): 儿 on its own is ér
    if tone_of(syllable) != 5:
        return syllable
    choices = char_readings(ch)
    if not choices or syllable in choices:
        return syllable
    for choice in choices:
        if numbered(choice)[:-1] == syllable:
            return choice
    return syllable


#: One-character function words that end a run of single characters: a table word read
#: across them would mostly be a false match (每天都会 is not 都会 dūhuì "metropolis").
_RUN_BREAKERS = set("的了着得地都也就会在是和与被把给对从向又才再很不没")


def _join_single_characters(words: list[str]) -> list[str]:
    """Runs of one-character words joined, so the word table can find its words in them.

    jieba's dictionary lacks many words the table has (新冠 xīn guān, 参将); jieba leaves
    their characters as one-character words, where the table would never see them together.
    """
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word not in _RUN_BREAKERS and is_han(word):
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out


def _options(ch: str, syllables: list[str]) -> tuple[str, ...]:
    """The distinct citation readings among a table's alternatives for one character.

    A light-tone alternative of a toned one (头发 fà|fa) is the same reading said lightly,
    not a second reading: it is dropped rather than guessed into a tone.
    """
    toned = {numbered(s)[:-1] for s in syllables if tone_of(s) != 5}
    kept = [s for s in syllables if tone_of(s) != 5 or numbered(s)[:-1] not in toned]
    return tuple(dict.fromkeys(_citation(ch, s) for s in kept))


#: Quotation marks that news puts around a single word for emphasis (scare quotes).
_OPENING_QUOTES = set("“‘「『\"'")
_CLOSING_QUOTES = set("”’」』\"'")
_OPENING_QUOTE = re.compile("[" + re.escape("".join(sorted(_OPENING_QUOTES))) + "]")


def _read_through_quotes(clause: _Clause, table: Mapping[str, str]) -> None:
    """A polyphone quoted on its own, read with what follows the closing quote.

    News puts scare quotes around a verb and leaves its complement outside: 乡村里“长”出新营生
    is 长出 zhǎng chū. jieba sees the quoted character as a word on its own, so no table word
    reaches it; the longest table word made of it and the characters after the quote does.
    """
    text = clause.text
    for pos in list(clause.open):
        if not (
            0 < pos < len(text) - 2 and text[pos - 1] in _OPENING_QUOTES and text[pos + 1] in _CLOSING_QUOTES
        ):
            continue
        after = text[pos + 2 : pos + 1 + MAX_WORD]
        for n in range(len(after), 0, -1):
            found = table.get(text[pos] + after[:n])
            if found is not None:
                first = found.split(" ", 1)[0]
                if "|" not in first:
                    clause.readings[pos] = _citation(text[pos], first)
                    clause.open.remove(pos)
                break


class _WordRead(NamedTuple):
    """How the word table reads one word (of jieba's cut, runs of single characters joined).

    A named tuple: made for every new word of a page, it costs less to make than a frozen dataclass.
    """

    pieces: tuple[str, ...]
    readings: tuple[str | None, ...]
    open: tuple[int, ...]
    options: tuple[tuple[int, tuple[str, ...]], ...]
    names: tuple[tuple[int, str], ...]
    extra: bool  # whether any of open, options, names is not empty


#: A _WordRead's readings and whether it leaves anything open (its fields by index: no attribute look-up).
_READINGS = itemgetter(1)
_EXTRA = itemgetter(5)

#: Words read so far, for the word table in use (a page repeats its words; so does a batch).
_WORDS_READ: dict[str, _WordRead] = {}
_WORDS_READ_FOR: list[Mapping[str, str]] = []
_WORDS_READ_MAX = 50_000  # about 8 MB; 40 pages of a session read 24,000 different words


def _use_table(table: Mapping[str, str]) -> None:
    """Words read are kept for one word table: forget them when another is in use."""
    if not _WORDS_READ_FOR or _WORDS_READ_FOR[0] is not table:
        _WORDS_READ.clear()  # another table (tools that hide a word from it)
        _WORDS_READ_FOR[:] = [table]


def _read_word(word: str, table: Mapping[str, str], names: frozenset[str]) -> _WordRead:
    _use_table(table)
    found = _WORDS_READ.get(word)
    if found is not None:
        return found
    return _read_new(word, table, names)


#: ``_WordRead(...)`` without its Python-level ``__new__`` (the same tuple).
_new_tuple = tuple.__new__


def _read_new(word: str, table: Mapping[str, str], names: frozenset[str]) -> _WordRead:
    """``_read_word`` for a word not read yet with the word table in use (``_use_table``)."""
    whole = table.get(word)
    if whole is not None and len(word) > 1 and "|" not in whole and word not in names:
        # The common case, a table word with one reading per character and no proper noun: what
        # the loop below gives it (one piece, each syllable in its citation tone), made at once.
        found = _new_tuple(
            _WordRead, ((word,), tuple(map(_citation, word, whole.split(" "))), (), (), (), False)
        )
    elif len(word) == 1:
        choices = char_readings(word)
        many = len(choices) > 1
        found = _new_tuple(
            _WordRead, ((word,), (choices[0] if choices else None,), (0,) if many else (), (), (), many)
        )
    else:
        found = _read_pieces(word, table, names)
    if len(_WORDS_READ) >= _WORDS_READ_MAX:
        _WORDS_READ.clear()
    _WORDS_READ[word] = found
    return found


def _read_pieces(word: str, table: Mapping[str, str], names: frozenset[str]) -> _WordRead:
    """How the word table reads a word of several characters: the table's pieces of it, their
    syllables, what is left open."""
    pieces = [(0, len(word))] if word in table else _cover(word, table)
    readings: list[str | None] = []
    open_at: list[int] = []
    options: list[tuple[int, tuple[str, ...]]] = []
    named_at: list[tuple[int, str]] = []
    for a, b in pieces:
        if b - a > 1:
            named = word[a:b] in names
            for ch, syllable in zip(word[a:b], _table_reading(word[a:b], table).split(" ")):
                if "|" in syllable:
                    choices = _options(ch, syllable.split("|"))
                    if len(choices) > 1:
                        options.append((len(readings), choices))
                    syllable = choices[0]
                else:
                    syllable = _citation(ch, syllable)
                    if named and len(char_readings(ch)) > 1:
                        named_at.append((len(readings), syllable))
                readings.append(syllable)
            continue
        choices = char_readings(word[a])
        if len(choices) > 1:
            open_at.append(len(readings))
        readings.append(choices[0] if choices else None)
    return _WordRead(
        tuple([word[a:b] for a, b in pieces]),
        tuple(readings),
        tuple(open_at),
        tuple(options),
        tuple(named_at),
        bool(open_at or options or named_at),
    )


def _read_words(text: str) -> _Clause:
    """Layers 1 and 2: readings from the word table; polyphones it leaves open are listed."""
    return _read_clauses([text])[0]


def _read_clauses(texts: Iterable[str]) -> list[_Clause]:
    """``_read_words`` for each text: the word table, its names and the words read looked up once."""
    table = word_table()
    names = proper_nouns()
    _use_table(table)
    known = _WORDS_READ.get
    cut = segmenter.dictionary_cut
    out: list[_Clause] = []
    for text in texts:
        if len(text) == 1:  # one character (most often a line break): jieba's cut is the character
            words = [text]
            reads = [known(text) or _read_new(text, table, names)]
        else:
            words = cut(text)
            reads = [known(word) or _read_new(word, table, names) for word in _join_single_characters(words)]
        readings = list(chain.from_iterable(map(_READINGS, reads)))
        clause = _Clause(text, words, readings, [], reads, {})
        out.append(clause)
        # Only the words that leave something open, or name a proper noun, need their offsets.
        extra = list(compress(count(), map(_EXTRA, reads)))
        if extra:
            starts = list(accumulate(map(len, map(_READINGS, reads)), initial=0))
            open_at, options, named = clause.open, clause.options, clause.names
            for k in extra:
                read, at = reads[k], starts[k]
                if read.open:
                    open_at.extend([at + j for j in read.open])
                for j, choices in read.options:
                    options[at + j] = choices
                for j, syllable in read.names:
                    named[at + j] = syllable
        if clause.open and _OPENING_QUOTE.search(text):
            _read_through_quotes(clause, table)
        # Citation tones: pypinyin's table prints 一 and 不 with their sandhi tones (一样 yíyàng).
        if "一" in text or "不" in text:
            for found in _CITED.finditer(text):
                i = found.start()
                readings[i] = _CITATION[found.group()]
                clause.options.pop(i, None)
                clause.names.pop(i, None)
    return out


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_END.split(text) if part]


def _reading_view(text: str) -> tuple[str, list[int] | None]:
    """The text as it is read: OCR's letter spacing (发 挥) and line wraps inside a word removed.

    Returns the view and, if anything was removed, the offset in ``text`` of each of its
    characters. Only a gap between two Han characters holding at most one line break is
    removed: a blank line still parts two paragraphs.
    """
    view, index, _kept = _view_pieces(text)
    return view, index


def _view_pieces(text: str) -> tuple[str, list[int] | None, list[tuple[int, int]]]:
    """``_reading_view``, and the pieces of ``text`` the view is made of ((start, end) spans; []
    if nothing was removed)."""
    gaps = [gap.span() for gap in _GAP.finditer(text)]
    if not gaps:
        return text, None, []
    # The pieces between the gaps (the gaps never overlap and come in order), and their offsets.
    kept = [(end, start) for (_, end), (start, _) in zip([(0, 0), *gaps], [*gaps, (len(text), 0)])]
    index: list[int] = []
    for a, b in kept:
        index.extend(range(a, b))
    return "".join([text[a:b] for a, b in kept]), index, kept


def _read_lines(
    lines: Iterable[str],
) -> list[tuple[str, list[int] | None, list[tuple[int, int]], list[_Clause]]]:
    views = [_view_pieces(line) for line in lines]
    per_line = [(line, index, kept, _read_clauses(_clauses(line))) for line, index, kept in views]
    polyphone_step.decide([clause for *_, clauses in per_line for clause in clauses])
    return per_line


def _spread(text: str, kept: list[tuple[int, int]], clauses: list[_Clause]) -> list[str | None]:
    """The clauses' readings, one per code point of the original ``text`` (gaps get None);
    ``kept``: the pieces of ``text`` the clauses were read from, [] for all of it."""
    flat = list(chain.from_iterable([clause.readings for clause in clauses]))
    if not kept:
        return flat
    readings: list[str | None] = [None] * len(text)
    at = 0
    for a, b in kept:  # each piece's readings in one slice
        readings[a:b] = flat[at : at + b - a]
        at += b - a
    return readings


def readings_for_lines(lines: Iterable[str]) -> list[list[str | None]]:
    """``readings_for`` for many texts at once (the model runs in batches: much faster)."""
    lines = list(lines)
    return [
        _spread(text, kept, clauses)
        for text, (_view, _index, kept, clauses) in zip(lines, _read_lines(lines))
    ]


@lru_cache(maxsize=8)
def _read_text(text: str) -> tuple[list[int] | None, list[tuple[int, int]], list[_Clause]]:
    # A page is asked for twice in a row (pinyin above the characters, words for the popup):
    # keep the last few pages' results. Read-only for callers.
    _view, index, kept, clauses = _read_lines([text])[0]
    return index, kept, clauses


def clear_caches() -> None:
    """Forget what was read so far: pages, words, jieba's cuts (for measuring a first read)."""
    _read_text.cache_clear()
    _WORDS_READ.clear()
    segmenter.clear_caches()


def readings_for(text: str, overrides: Mapping[int, str] | None = None) -> list[str | None]:
    """One entry per code point of ``text``: the tone-marked syllable of a Han character, else None.

    ``overrides`` (code-point offset -> reading) are an editor's corrections at single
    occurrences; they replace what the engine read there.
    """
    _index, kept, clauses = _read_text(text)
    readings = _spread(text, kept, clauses)
    for offset, reading in (overrides or {}).items():
        if 0 <= offset < len(readings) and readings[offset] is not None:
            readings[offset] = reading
    return readings


def words_with_readings(text: str, overrides: Mapping[int, str] | None = None) -> list[WordReading]:
    """The words of ``text`` (jieba's cut) with their syllables in this context, for popups.

    A person's name is one word even where jieba's dictionary cuts it (邱小军, not 邱 / 小军:
    ``segmenter.cut``). Spaces and line wraps that OCR put inside a word belong to no word.
    ``overrides`` as for ``readings_for``.
    """
    out: list[WordReading] = []
    index, _kept, clauses = _read_text(text)
    readings = readings_for(text, overrides)
    start = 0
    for clause in clauses:
        offset = 0
        for word in segmenter.join_names(clause.text, clause.words):
            a, b = start + offset, start + offset + len(word)
            where = list(range(a, b)) if index is None else index[a:b]
            syllables = tuple(readings[i] for i in where)
            out.append(WordReading(word, where[0], where[-1] + 1, syllables))
            offset += len(word)
        start += len(clause.text)
    return out


def word_at(words: Sequence[WordReading], offset: int) -> WordReading | None:
    """The word covering a code-point offset (for hovering), or None past the end."""
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return words[lo] if lo < len(words) and words[lo].start <= offset else None


def dictionary_syllables(word: str) -> list[str] | None:
    """How the word table reads a word on its own (first reading where it has two), or None."""
    found = word_table().get(word)
    if found is None:
        return None
    return [_CITATION.get(ch, syllable.split("|", 1)[0]) for ch, syllable in zip(word, found.split(" "))]
