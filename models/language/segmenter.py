"""Words of a sentence, cut by jieba (dictionary loaded lazily, once, thread-safe).

jieba's dictionary takes about a second to load, so nothing here loads it at import
time: the first cut loads it, or ``warm_up()`` can be called from a background thread
while the window paints.
"""

from __future__ import annotations

import logging
import math
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


#: How much likelier (natural log) a particle is to stand alone where grammar expects one:
#: an aspect particle right after a verb, 的 after a noun. jieba weighs each word by its own
#: frequency only, so a rare word that swallows the particle can outweigh it.
_PARTICLE_BONUS = 1.5

#: Aspect particles that a rare word may swallow after a verb (矗立着数棵: 着数 zhāoshù).
_ASPECT = "着了"


def _log_freq(tokenizer: Any, word: str) -> float | None:
    found = tokenizer.FREQ.get(word, 0)
    return math.log(found) - math.log(tokenizer.total) if found > 0 else None


def _free_particles(tokenizer: Any, words: list[str]) -> list[str]:
    """jieba's cut, with particles freed from rare words that grammar says they are not part of.

    jieba picks the cut whose words are likeliest one by one; it cannot see that a particle
    is what usually follows the word before. Two cases, both weighed with ``_PARTICLE_BONUS``:
    after a verb, 着/了 opening a two-character word (矗立|着数|棵 -> 矗立|着|数|棵, while 开始|着手
    stays); and X的 after a word whose last character makes a likelier word with X
    (该项|目的 -> 该|项目|的, while 这个|目的 stays).
    """
    out: list[str] = []
    for word in words:
        prev = out[-1] if out else ""
        if len(word) == 2 and word[0] in _ASPECT and prev and tag_of(prev).startswith("v"):
            whole, particle, rest = (_log_freq(tokenizer, w) for w in (word, word[0], word[1]))
            if whole is not None and particle is not None and rest is not None:
                if particle + rest + _PARTICLE_BONUS > whole:
                    out.extend(word)
                    continue
        if len(word) == 2 and word[1] == "的" and len(prev) >= 2:
            head, joined = prev[:-1], prev[-1] + word[0]
            scores = [_log_freq(tokenizer, w) for w in (prev, word, head, joined, "的")]
            if None not in scores:
                s_prev, s_word, s_head, s_joined, s_de = scores
                if s_head + s_joined + s_de + _PARTICLE_BONUS > s_prev + s_word:
                    out[-1:] = [head, joined, "的"]
                    continue
        out.append(word)
    return out


def cut(text: str) -> list[str]:
    """The words of ``text`` in order; joined they give ``text`` back exactly."""
    # Without the HMM: jieba's dictionary words only (twice as fast); the word table and the
    # model do better on runs of single characters than the HMM's guessed words.
    tokenizer = _load()
    return _free_particles(tokenizer, list(tokenizer.cut(text, HMM=False)))


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
