"""Readings of words and characters: the tables the pinyin engine looks things up in.

Words: a bundled table of 204k words (resources/language/words.tsv): pypinyin's own
phrase table widened with CC-CEDICT's words (place names such as 于都 yú dū and 六安 lù ān,
compounds such as 划破 huá pò, newer words such as 新冠 xīn guān; traditional headwords
too, 銀行 yín háng). Readings are kept as one
space-separated string per word, which keeps the table small in memory; a syllable the
sources disagree on holds both readings, "dà|dài" (see build_tables.py).

Names: the table's proper nouns with a polyphonic character (resources/language/names.txt),
whose readings the polyphone model may question.

Characters: pypinyin's per-character table (resources/language/chars.tsv), most common
reading first.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

from models.resources import resource_path

#: The bundled word table (see models/language/build_tables.py for where it comes from).
LANGUAGE_DIR = resource_path("language")
WORDS_FILE = LANGUAGE_DIR / "words.tsv"
CHARS_FILE = LANGUAGE_DIR / "chars.tsv"
NAMES_FILE = LANGUAGE_DIR / "names.txt"

#: Longest word the tables are searched for inside a longer jieba word.
MAX_WORD = 8

_lock = threading.Lock()
_words: dict[str, str] | None = None
_chars: dict[str, tuple[str, ...]] | None = None
_names: frozenset[str] | None = None


def _read_words() -> dict[str, str]:
    words: dict[str, str] = {}
    # Stored compactly, same words and readings: one string a distinct reading (204k words hold
    # 125k), and a word jieba's dictionary holds already is keyed by jieba's string (about 100k).
    readings: dict[str, str] = {}
    with WORDS_FILE.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, _, syllables = line.rstrip("\n").partition("\t")
                words[word] = readings.setdefault(syllables, syllables)
    from models.language import segmenter

    words = segmenter.share_keys(words)
    segmenter.keep_with(words)  # both read in one go by the next process
    return words


def adopt_words(words: dict[str, str]) -> None:
    """Take ``words`` as the word table (the kept copy's, read with jieba's dictionary), unless
    the table is read already."""
    global _words
    with _lock:
        if _words is None:
            _words = words


def word_table() -> dict[str, str]:
    """Word -> its syllables, space separated ('银行' -> 'yín háng'); read once, on first use."""
    global _words
    if _words is None:
        from models.language import segmenter

        segmenter.load()  # first: from the kept copy it brings the table (adopt_words)
        with _lock:
            if _words is None:
                _words = _read_words()
    return _words


def word_syllables(word: str) -> list[str] | None:
    """The syllables of a word of two or more characters, or None if the tables lack it."""
    found = word_table().get(word)
    return found.split(" ") if found is not None else None


def _read_chars() -> dict[str, tuple[str, ...]]:
    chars: dict[str, tuple[str, ...]] = {}
    with CHARS_FILE.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                ch, _, readings = line.rstrip("\n").partition("\t")
                chars[ch] = tuple(readings.split(" "))
    return chars


def char_table() -> dict[str, tuple[str, ...]]:
    """Character -> its readings, most common first; read once, on first use."""
    global _chars
    if _chars is None:
        with _lock:
            if _chars is None:
                _chars = _read_chars()
    return _chars


def proper_nouns() -> frozenset[str]:
    """Words of the table that are names, places or transliterations (CC-CEDICT capitalises
    only them) and hold a polyphonic character: 勃艮第, 塞尔维亚, 于都. Read once, on first use."""
    global _names
    if _names is None:
        table = word_table()
        with _lock:
            if _names is None:
                with NAMES_FILE.open(encoding="utf-8") as f:
                    read = {line.rstrip("\n") for line in f if not line.startswith("#")}
                # The same names, held by the word table's own strings (each name is a word of the
                # table: 27,000 strings, about 2.5 MB, not made twice); 15 ms once.
                shared = [word for word in table if word in read]
                _names = frozenset(shared).union(read.difference(shared))
    return _names


@lru_cache(maxsize=65536)
def is_han(ch: str) -> bool:
    """Whether a character is a Han ideograph (any CJK block, astral ones included, and 〇).

    Anything but a single character (the empty string before a clause's first character)
    is not.
    """
    if len(ch) != 1:
        return False
    if ch == "\u3007":
        return True
    name = unicodedata.name(ch, "")
    return name.startswith("CJK ") and "IDEOGRAPH" in name


def char_readings(ch: str) -> tuple[str, ...]:
    """A Han character's readings, most common first; () for anything else."""
    found = char_table().get(ch)
    if found is None or not is_han(ch):
        return ()
    return found
