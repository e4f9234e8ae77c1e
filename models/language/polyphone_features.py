"""What the polyphone classifier looks at around a character: its word, the words and characters near it.

The same function makes the features at run time and in ``tools/train_polyphones.py``, so the
two cannot drift apart. Features are short strings ("r1:书", "pw:要"); the classifier keeps a
weight per feature and reading of each polyphonic character.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, repeat

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


#: Characters that ``_norm`` leaves as they are (most Han characters and punctuation), found
#: without the call.
_NORMED: dict[str, str] = {}


def _normed(ch: str) -> str:
    found = _norm(ch)
    if found == ch and len(_NORMED) < 65536:
        _NORMED[ch] = ch
    return found


class ClauseView:
    """A clause's text and words (jieba's cut), indexed once for the features of its characters."""

    __slots__ = ("text", "words", "starts", "word_at", "chars", "_tags", "_names")

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        self.words = list(words)
        lengths = list(map(len, self.words))
        self.starts: list[int] = [0, *accumulate(lengths)][:-1]
        self.word_at: list[int] = list(chain.from_iterable(map(repeat, range(len(lengths)), lengths)))
        self.chars: dict[int, str] = {}  # filled on demand: a page's clauses ask about few characters
        self._tags: dict[int, str] = {}
        self._names: dict[int, str] | None = None

    def _name_places(self) -> dict[int, str]:
        """Positions inside person names the segmenter found: 'head3' for a three-character name's surname."""
        if self._names is None:
            self._names = {}
            for start, end in segmenter.names(self.text):
                self._names[start] = f"head{end - start}"
                for p in range(start + 1, end):
                    self._names[p] = "given"
        return self._names

    def _word(self, k: int) -> str:
        """Word k, skipping blanks; ^ or $ past the clause's ends."""
        if k < 0:
            return _START
        if k >= len(self.words):
            return _END
        return self.words[k]

    def _tag(self, k: int) -> str:
        """jieba's tag of word k ('?' if its dictionary lacks the word); 'nr' for a person's name."""
        found = self._tags.get(k)
        if found is None:
            if k < 0:
                found = _START
            elif k >= len(self.words):
                found = _END
            else:
                word = self.words[k]
                if word == _START or word == _END:
                    found = word
                elif len(word) > 1 and self._name_places().get(self.starts[k], "").startswith("head"):
                    found = "nr"
                else:
                    found = segmenter.tag_of(word) or "?"
            self._tags[k] = found
        return found

    def _char(self, i: int) -> str:
        """Character i of the clause as the features see it; ^ and $ past its ends."""
        found = self.chars.get(i)
        if found is None:
            if i < 0:
                found = _START
            elif i >= len(self.text):
                found = _END
            else:
                ch = self.text[i]
                found = _NORMED.get(ch) or _normed(ch)
            self.chars[i] = found
        return found

    def _verb_ahead(self, k: int) -> str:
        """How many words after word k the next verb stands, within the phrase: '1'…'4', or '-' for none."""
        for step in range(1, 5):
            j = k + step
            if j >= len(self.words):
                break
            word = self.words[j]
            if word[:1] in _BREAKS:
                break
            if self._tag(j).startswith("v"):
                return str(step)
        return "-"

    def features(self, pos: int) -> list[str]:
        """The features of the character at ``pos``."""
        c = self._char
        i = pos
        ch = c(i)
        k = self.word_at[pos]
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
        name = self._name_places().get(pos)
        if name is not None and name != "given":
            # A surname opening a person's name: the name decides, whatever stands before it. The
            # clause's start or the words before (解缙 at a clause's start is no verb 解) would
            # outweigh the name's few examples, so only the word, the name and its next character count.
            return ["b", "w:" + word, "p:" + place, "r1:" + c(i + 1), "nm:" + name, "nm:head"]
        l1, l2, l3, r1, r2, r3 = c(i - 1), c(i - 2), c(i - 3), c(i + 1), c(i + 2), c(i + 3)
        prev, nxt = self._word(k - 1), self._word(k + 1)
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
            "l21:" + l2 + l1,
            "r12:" + r1 + r2,
            "lr:" + l1 + r1,
            "pw:" + prev,
            "nw:" + nxt,
            "pt:" + self._tag(k - 1),
            "nt:" + self._tag(k + 1),
            "wt:" + self._tag(k) + place,
            "pnw:" + self._word(k - 2) + "|" + prev,
            "nnw:" + nxt + "|" + self._word(k + 2),
            "pt_nt:" + self._tag(k - 1) + "|" + self._tag(k + 1),
        ]
        feats.append("nv:" + self._verb_ahead(k))
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
