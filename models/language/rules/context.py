"""What every reading rule looks at: a clause's words around a character, and shared word lists.

A rule sees one open character of a clause (a :class:`Spot`) in its clause (a :class:`Context`):
the word it falls in, the words on either side, the characters next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.language import segmenter

#: Punctuation after which a new clause starts.
CLAUSE_OPENERS = set("，。；：！？,;:!?、")

#: Modal verbs: 为 after them is wèi (能为, 要为, 愿意为): the 为 rule leaves it.
MODALS = {
    "能",
    "要",
    "会",
    "愿",
    "愿意",
    "可以",
    "应该",
    "应当",
    "想",
    "肯",
    "敢",
    "需要",
    "必须",
    "可",
    "能够",
}


def tag(word: str) -> str:
    """jieba's part-of-speech tag of a word."""
    return segmenter.tag_of(word)


def starts_with_verb(word: str) -> bool:
    """Whether a word is a verb or a set phrase that opens with one (抓紧时间)."""
    return any(tag(word[:n]).startswith("v") for n in (len(word), 2, 1) if 0 < n <= len(word))


class Context:
    """A clause's words with their offsets, to find a character's word and its neighbours."""

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        self.words = list(words)
        self.word_at: list[int] = []
        self.starts: list[int] = []
        pos = 0
        for k, w in enumerate(words):
            self.starts.append(pos)
            self.word_at.extend([k] * len(w))
            pos += len(w)

    def phrase_start(self, k: int) -> int:
        """Index of the first word after the last comma or clause break before word k."""
        while k > 0 and self.words[k - 1][-1:] not in CLAUSE_OPENERS:
            k -= 1
        return k

    def phrase_end(self, k: int) -> int:
        """Index of the first word from word k on that is a comma or clause break (or the end)."""
        while k < len(self.words) and self.words[k][:1] not in CLAUSE_OPENERS:
            k += 1
        return k

    def neighbour(self, k: int, step: int) -> str:
        """The nearest word before (step -1) or after (+1) word k that is not blank; '' if none."""
        k += step
        while 0 <= k < len(self.words):
            if self.words[k].strip():
                return self.words[k]
            k += step
        return ""

    def spot(self, pos: int) -> Spot:
        """The character at ``pos`` with its word and the characters next to it."""
        text = self.text
        k = self.word_at[pos]
        word = self.words[k]
        start = self.starts[k]
        return Spot(
            ctx=self,
            pos=pos,
            ch=text[pos],
            k=k,
            word=word,
            before=text[pos - 1] if pos > 0 else "",
            before2=text[pos - 2] if pos > 1 else "",
            after=text[pos + 1] if pos + 1 < len(text) else "",
            alone=word == text[pos],
            first=pos == start,
            last=pos == start + len(word) - 1,
        )


@dataclass(frozen=True, slots=True)
class Spot:
    """One open character in its clause: the word it is in (number ``k``) and its neighbours.

    ``before``/``before2``/``after`` are the characters one and two before and one after
    ('' past the clause's ends); ``alone`` says the word is the character itself, ``first``
    and ``last`` that the character opens or ends its word.
    """

    ctx: Context
    pos: int
    ch: str
    k: int
    word: str
    before: str
    before2: str
    after: str
    alone: bool
    first: bool
    last: bool

    @property
    def prev(self) -> str:
        """The nearest non-blank word before this character's word."""
        return self.ctx.neighbour(self.k, -1)

    @property
    def next(self) -> str:
        """The nearest non-blank word after this character's word."""
        return self.ctx.neighbour(self.k, 1)


#: A rule for one character: its reading where the rule is sure, else None.
Rule = Callable[[Spot], "str | None"]
