"""Words of a sentence, cut by jieba (dictionary loaded lazily, once, thread-safe).

jieba's dictionary takes about a second to load, so nothing here loads it at import
time: the first cut loads it, or ``warm_up()`` can be called from a background thread
while the window paints.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, NamedTuple

_lock = threading.Lock()
_tokenizer: Any = None
_pos_tokenizer: Any = None


class TaggedWord(NamedTuple):
    """A word and jieba's part-of-speech tag for it (e.g. 'v', 'n', 'uv' for 地)."""

    word: str
    tag: str


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


def _load_tagger() -> Any:
    # Part-of-speech tags cost ~50 MB more (jieba's tag table and HMM): loaded only when asked for.
    global _pos_tokenizer
    tokenizer = _load()
    if _pos_tokenizer is None:
        with _lock:
            if _pos_tokenizer is None:
                import jieba.posseg

                _pos_tokenizer = jieba.posseg.POSTokenizer(tokenizer)
    return _pos_tokenizer


def warm_up() -> None:
    """Load jieba's dictionary now (call it from a background thread at start-up)."""
    _load()


def is_loaded() -> bool:
    """Whether jieba's dictionary is in memory already."""
    return _tokenizer is not None


def cut(text: str) -> list[str]:
    """The words of ``text`` in order; joined they give ``text`` back exactly."""
    return list(_load().cut(text, HMM=True))


def cut_tagged(text: str) -> list[TaggedWord]:
    """The words of ``text`` with part-of-speech tags; joined they give ``text`` back exactly."""
    return [TaggedWord(w, t) for w, t in _load_tagger().cut(text, HMM=True)]


def tag_of(word: str) -> str:
    """jieba's dictionary tag of a word ('' when its dictionary lacks the word)."""
    return _load_tagger().word_tag_tab.get(word, "")


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary has the word (words jieba made up from context do not)."""
    return _load().FREQ.get(word, 0) > 0
