"""Words of a sentence, cut by jieba (dictionary loaded lazily, once, thread-safe).

jieba's dictionary takes about a second to load, so nothing here loads it at import
time: the first cut loads it, or ``warm_up()`` can be called from a background thread
while the window paints.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

_lock = threading.Lock()
_tokenizer: Any = None
_tags: dict[str, str] | None = None


def _load() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _tokenizer = tokenizer
    return _tokenizer


#: jieba's tags the context rules ask about; nouns and names (most of the dictionary) are
#: left out to keep the table small: a dictionary word without a stored tag is a noun.
_KEPT_TAGS = ("a", "d", "v", "r", "m", "q", "u", "p", "c", "z", "i", "l", "f", "t")


def _load_tags() -> dict[str, str]:
    global _tags
    tokenizer = _load()
    if _tags is None:
        with _lock:
            if _tags is None:
                tags: dict[str, str] = {}
                with tokenizer.get_dict_file() as f:
                    for raw in f:
                        parts = raw.decode("utf-8").split()
                        if len(parts) == 3 and parts[2].startswith(_KEPT_TAGS):
                            tags[parts[0]] = sys.intern(parts[2])
                _tags = tags
    return _tags


def warm_up() -> None:
    """Load jieba's dictionary and tags now (call it from a background thread at start-up)."""
    _load_tags()


def is_loaded() -> bool:
    """Whether jieba's dictionary is in memory already."""
    return _tokenizer is not None


def cut(text: str) -> list[str]:
    """The words of ``text`` in order; joined they give ``text`` back exactly."""
    # Without the HMM: jieba's dictionary words only (twice as fast); the word table and the
    # model do better on runs of single characters than the HMM's guessed words.
    return list(_load().cut(text, HMM=False))


def tag_of(word: str) -> str:
    """jieba's dictionary tag of a word ('n' for its nouns and names, '' when it lacks the word)."""
    found = _load_tags().get(word)
    if found is not None:
        return found
    return "n" if in_dictionary(word) else ""


def split_unknown(text: str) -> list[str]:
    """``text`` cut with jieba's HMM, which joins runs of single characters into new words (names)."""
    return list(_load().cut(text, HMM=True))


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary has the word (words jieba made up from context do not)."""
    return _load().FREQ.get(word, 0) > 0
