"""What the polyphone classifier looks at around a character: its word, the words and characters near it.

The same function makes the features at run time and in ``tools/train_polyphones.py``, so the
two cannot drift apart. Features are short strings ("r1:书", "pw:要"); the classifier keeps a
weight per feature and reading of each polyphonic character.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from models.language import segmenter

#: Stands for the clause's start and end in character and word features.
_START, _END = "^", "$"


#: Punctuation that ends the phrase a feature may look across.
_BREAKS = set("，。；：！？、,;:!?（）()“”")


def _norm(ch: str) -> str:
    """A character as the features see it: digits and Latin letters by class, the rest as they are."""
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    if ch.isspace():
        return "_"
    return ch


class _Normed(dict[int, str]):
    """``str.translate``'s table for ``_norm``: each code point's class, worked out on first sight."""

    def __missing__(self, code: int) -> str:
        found = _norm(chr(code))
        if len(self) < 65536:
            self[code] = found
        return found


#: ``text.translate(_NORM)`` is ``"".join(map(_norm, text))`` (one character for one).
_NORM = _Normed()

#: Ranges of characters that news text is mostly made of (CJK ideographs, CJK and full-width
#: punctuation, general punctuation, ASCII punctuation): each is kept, once checked, where
#: ``_norm`` leaves every one of its characters as it is (no digit, Latin letter or space).
_PLAIN_RANGES = (
    ("\u4e00", "\u9fff"),
    ("\u3400", "\u4dbf"),
    ("\u3001", "\u303f"),
    ("\u2010", "\u2027"),
    ("\u2030", "\u205e"),
    ("\uff01", "\uff0f"),
    ("\uff1a", "\uff20"),
    ("\uff3b", "\uff40"),
    ("\uff5b", "\uff65"),
    ("!", "/"),
    (":", "@"),
    ("[", "`"),
    ("{", "~"),
    ("\u00b7", "\u00b7"),
)

_NOT_PLAIN: list[re.Pattern[str]] = []


def _not_plain() -> re.Pattern[str]:
    """A run of characters outside the ranges ``_norm`` leaves as they are (checked once, ~1 ms)."""
    if not _NOT_PLAIN:
        kept = []
        for first, last in _PLAIN_RANGES:
            chars = array("H", range(ord(first), ord(last) + 1)).tobytes().decode("utf-16-le")
            if chars.isalpha() or not (  # letters (the ideographs) are no digits or spaces
                any(map(str.isdigit, chars))
                or any(map(str.isspace, chars))
                or (chars.isascii() and any(map(str.isalpha, chars)))
            ):
                kept.append(re.escape(first) + "-" + re.escape(last))
        _NOT_PLAIN.append(re.compile("[^" + "".join(kept) + "]+"))
    return _NOT_PLAIN[0]


def _normed_run(found: re.Match[str]) -> str:
    return found.group().translate(_NORM)


def normed(text: str) -> str:
    """``text.translate(_NORM)``: only the runs of characters outside the plain ranges are
    translated (most of a clause is ideographs and punctuation, which stay as they are)."""
    return _not_plain().sub(_normed_run, text)


#: How many words after a character's word the next verb stands, within the phrase (the "nv:" feature).
_STEPS = "-1234"

#: How far the features look past a word or a character on either side (``_word(k - 2)``,
#: the next verb up to 4 words on, ``c(i + 3)``): the padding of the indexed lists.
_PAD = 4


class ClauseView:
    """A clause's text and words (jieba's cut), indexed once for the features of its characters.

    The characters (as the features see them) and the words' tags are listed once for the
    clause, padded with ^ and $ on both sides, so a feature is an index into a list, not a call.
    """

    __slots__ = ("text", "words", "starts", "_lists", "_names")

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        self.words = list(words)
        self.starts: list[int] = [0, *accumulate(map(len, self.words))][:-1]
        #: The padded characters, words and tags, made on first use: most clauses ask about nothing.
        self._lists: tuple[str, list[str], list[str]] | None = None
        self._names: dict[int, str] | None = None

    def word_at(self, pos: int) -> int:
        """The number of the word that holds the character at ``pos`` (words are not empty)."""
        return bisect_right(self.starts, pos) - 1

    def _name_places(self) -> dict[int, str]:
        """Positions inside person names the segmenter found: 'head3' for a three-character name's surname."""
        if self._names is None:
            self._names = {}
            for start, end in segmenter.names(self.text):
                self._names[start] = f"head{end - start}"
                for p in range(start + 1, end):
                    self._names[p] = "given"
        return self._names

    def _index(self) -> tuple[str, list[str], list[str]]:
        """The padded lists: characters as the features see them, words, and jieba's tags of the
        words ('?' if its dictionary lacks the word; 'nr' for a person's name of several characters)."""
        if self._lists is not None:
            return self._lists
        text = self.text
        chars = _START * _PAD + normed(text) + _END * _PAD
        words = [_START] * _PAD + self.words + [_END] * _PAD
        tags = segmenter.tags_of(self.words, "?")
        if _START in text or _END in text:
            for k, word in enumerate(self.words):
                if word == _START or word == _END:
                    tags[k] = word
        if len(self.words) < len(text):  # a word of several characters: it may be a person's name
            for start, place in self._name_places().items():
                if place != "given":
                    k = bisect_right(self.starts, start) - 1
                    if self.starts[k] == start and len(self.words[k]) > 1:
                        tags[k] = "nr"
        self._lists = (chars, words, [_START] * _PAD + tags + [_END] * _PAD)
        return self._lists

    def features(self, pos: int) -> list[str]:
        """The features of the character at ``pos``."""
        lists = self._lists  # the padded lists, made on the clause's first position asked
        chars, words, tags = lists if lists is not None else self._index()
        i = pos + _PAD
        ch = chars[i]
        k = bisect_right(self.starts, pos) - 1
        word = self.words[k]
        offset = pos - self.starts[k]
        if len(word) == 1:
            place = "S"
        elif offset == 0:
            place = "B"
        elif offset == len(word) - 1:
            place = "E"
        else:
            place = "M"
        names = self._names
        name = (names if names is not None else self._name_places()).get(pos)
        if name is not None and name != "given":
            # A surname opening a person's name: the name decides, whatever stands before it. The
            # clause's start or the words before (解缙 at a clause's start is no verb 解) would
            # outweigh the name's few examples, so only the word, the name and its next character count.
            return ["b", "w:" + word, "p:" + place, "r1:" + chars[i + 1], "nm:" + name, "nm:head"]
        l3, l2, l1, _, r1, r2, r3 = chars[i - 3 : i + 4]
        kp = k + _PAD
        prev2, prev, _, nxt, nxt2 = words[kp - 2 : kp + 3]
        t_prev, t_word, t_next = tags[kp - 1 : kp + 2]
        ahead = "-"  # the next verb within the phrase, up to 4 words on: "1"…"4", or "-" for none
        # Past the clause's last word the padding ($, tag $) is neither a break nor a verb.
        for j in range(kp + 1, kp + 5):
            if words[j][:1] in _BREAKS:
                break
            if tags[j].startswith("v"):
                ahead = _STEPS[j - kp]
                break
        feats = [
            "b",
            "w:" + word,
            "p:" + place,
            "l1:" + l1,
            "r1:" + r1,
            "l2:" + l2,
            "r2:" + r2,
            "l3:" + l3,
            "r3:" + r3,
            f"l21:{l2}{l1}",
            f"r12:{r1}{r2}",
            f"lr:{l1}{r1}",
            "pw:" + prev,
            "nw:" + nxt,
            "pt:" + t_prev,
            "nt:" + t_next,
            f"wt:{t_word}{place}",
            f"pnw:{prev2}|{prev}",
            f"nnw:{nxt}|{nxt2}",
            f"pt_nt:{t_prev}|{t_next}",
            "nv:" + ahead,
        ]
        if name is not None:
            feats.append("nm:" + name)  # a given name's character
        # Reduplication: 数一数, 看了看 (a verb said twice); 数数, 慢慢 (AA).
        if r2 == ch and r1 in "一了":
            feats.append("rep:A" + r1 + "A")
        elif l2 == ch and l1 in "一了":
            feats.append("rep:A" + l1 + "A-2")
        elif r1 == ch or l1 == ch:
            feats.append("rep:AA")
        return feats
