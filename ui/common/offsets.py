"""Code-point offsets (the core's) to Qt's UTF-16 positions and back.

Python strings and the database count code points; QString, QTextCursor and
QTextDocument count UTF-16 code units, so every character outside the Basic
Multilingual Plane (CJK Extension B such as 𠀀, emoji) takes two Qt positions.
Every offset that crosses the boundary between the core and a Qt widget goes
through one of these maps.
"""

from __future__ import annotations

from bisect import bisect_right


def utf16_length(text: str) -> int:
    """How many UTF-16 code units Qt needs for ``text``."""
    if not has_astral(text):
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def has_astral(text: str) -> bool:
    """Whether any character of ``text`` takes two UTF-16 units (told at C speed: nearly no page has one)."""
    return bool(text) and max(text) > "\uffff"


class Utf16Map:
    """Converts positions in one string between code points and UTF-16 units.

    Strings with only BMP characters (nearly every page) take the identity fast
    path; otherwise the map keeps the code-point offsets of the astral characters.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        #: code-point offsets of the characters that take two UTF-16 units, ascending (a page
        #: without any is told at C speed: a page's raw text at start-up is ~10k characters)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if has_astral(text) else []
        #: their UTF-16 positions (the position of the high surrogate)
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of code-point ``offset`` (0..len inclusive)."""
        if not self._astral:
            return offset
        return offset + bisect_right(self._astral, offset - 1)

    def to_code_point(self, position: int) -> int:
        """The code-point offset of UTF-16 ``position``.

        A position between the two halves of a surrogate pair belongs to the
        character it splits, so it maps to that character's offset.
        """
        if not self._astral:
            return position
        # Each astral character that starts before ``position`` adds one extra unit; a
        # position on a low surrogate counts its own pair too, landing on that character.
        return position - bisect_right(self._astral_utf16, position - 1)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A half-open code-point span as a half-open UTF-16 span."""
        return self.to_utf16(start), self.to_utf16(end)
