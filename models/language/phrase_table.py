"""Readings of words and characters: the tables the pinyin engine looks things up in.

Words: a bundled table of 132k words (resources/language/words.tsv): pypinyin's own
phrase table widened with the CC-CEDICT words whose reading is unambiguous (place
names such as 于都 yú dū and 六安 lù ān, compounds such as 划破 huá pò). Readings are kept
as one space-separated string per word, which keeps the table small in memory.

Characters: pypinyin's per-character table, most common reading first.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

#: The bundled word table (see models/language/build_tables.py for where it comes from).
WORDS_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "language" / "words.tsv"

#: Longest word the tables are searched for inside a longer jieba word.
MAX_WORD = 8

_lock = threading.Lock()
_words: dict[str, str] | None = None


def _read_words() -> dict[str, str]:
    words: dict[str, str] = {}
    with WORDS_FILE.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, _, syllables = line.rstrip("\n").partition("\t")
                words[word] = syllables
    return words


def word_table() -> dict[str, str]:
    """Word -> its syllables, space separated ('银行' -> 'yín háng'); read once, on first use."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _read_words()
    return _words


def word_syllables(word: str) -> list[str] | None:
    """The syllables of a word of two or more characters, or None if the tables lack it."""
    found = word_table().get(word)
    return found.split(" ") if found is not None else None


@lru_cache(maxsize=1)
def _chars() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def is_han(ch: str) -> bool:
    """Whether a character is a Han ideograph (any CJK block, astral ones included, and 〇)."""
    if ch == "\u3007":
        return True
    return unicodedata.name(ch, "").startswith("CJK ") and "IDEOGRAPH" in unicodedata.name(ch, "")


@lru_cache(maxsize=65536)
def char_readings(ch: str) -> tuple[str, ...]:
    """A Han character's readings, most common first; () for anything else."""
    if not is_han(ch):
        return ()
    found = _chars().get(ord(ch))
    return tuple(found.split(",")) if found else ()
