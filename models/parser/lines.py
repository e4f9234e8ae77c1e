"""Lines of an OCR'd page and what can be told about each on its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Punctuation that ends a sentence; closing quotes/brackets may follow it.
SENTENCE_END = "。！？!?…；"
CLOSERS = "”’」』）)》】\"'"
OPENERS = "“‘「『（(《【"
#: Punctuation that may hang past the column edge at a line end (so it adds no width).
HANGING = set("，。、；：？！”’）》」』…,.;:?!")


def is_cjk(ch: str) -> bool:
    """Han characters (all extensions), CJK punctuation and full-width forms."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x2014 <= cp <= 0x2026  # — ‘ ’ “ ” …
        or 0x3000 <= cp <= 0x303F
    )


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (。！？… or ；), allowing closing quotes after it."""
    s = text.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1].rstrip()  # a letter-spaced line has spaces between the marks too
    if s.endswith(".") and len(s) >= 2 and s[-2].isascii() and s[-2].isalpha():
        return True  # a Latin sentence (not a decimal point)
    return bool(s) and s[-1] in SENTENCE_END


def column_width(text: str, letter_spaced: bool | None = None) -> float:
    """The width a line takes in its column, in Chinese characters.

    ASCII letters, digits and the OCR spaces around them are half-width; a punctuation
    mark at the line end may hang past the column edge, so it is not counted; the
    spaces of a letter-spaced (justified) line are not counted either.
    """
    s = text.strip()
    if is_letter_spaced(s) if letter_spaced is None else letter_spaced:
        s = "".join(s.split())
    if s and s[-1] in HANGING:
        s = s[:-1]
    # ASCII (spaces too) counts a half, other white space nothing, the rest one.
    ascii_n = len(s.encode("ascii", "ignore"))
    if ascii_n == len(s):
        return 0.5 * ascii_n
    return float(len(s) - ascii_n) - len(_WIDE_SPACE.findall(s)) + 0.5 * ascii_n


#: White space outside ASCII (the ideographic space, the no-break space…): no width.
_WIDE_SPACES = tuple(c for c in map(chr, range(128, 0x3001)) if c.isspace())
#: Any one of them (one regex pass counts them all).
_WIDE_SPACE = re.compile("[" + "".join(_WIDE_SPACES) + "]")


def is_letter_spaced(text: str) -> bool:
    """A line spread out by justification: a space between (nearly) every character."""
    s = text.strip()
    if " " not in s:
        return False  # no space between characters at all
    chars = [c for c in s if not c.isspace()]
    if len(chars) < 4:
        return False
    singles = sum(1 for a, b, c in zip(s, s[1:], s[2:]) if b == " " and a != " " and c != " ")
    return singles >= 0.7 * (len(chars) - 1)


class measured_once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every
    read until the value is kept): the first read computes the value and keeps it in the
    instance, where later reads find it without calling anything."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class Line:
    """One line of the raw text: [start, end) in code points, without its line break."""

    index: int
    start: int
    end: int
    text: str

    # Measured once: the parser asks for these many times.
    @measured_once
    def stripped(self) -> str:
        return self.text.strip()

    @measured_once
    def blank(self) -> bool:
        return not self.text.strip()

    @measured_once
    def width(self) -> float:
        return column_width(self.text, self.letter_spaced)

    @measured_once
    def letter_spaced(self) -> bool:
        return is_letter_spaced(self.text)


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, text in enumerate(raw.split("\n")):
        line = Line(i, pos, pos + len(text), text)
        # Read by every step: measured now (as ``stripped`` and ``blank`` would).
        line.stripped = stripped = text.strip()
        line.blank = not stripped
        lines.append(line)
        pos += len(text) + 1
    return lines
