"""Half-width punctuation in Chinese text, and OCR spaces inside words.

OCR often reads a full-width mark as its half-width twin (``,`` for ``，``, ``(`` for
``（``, ``"`` for ``“``). In Chinese text those are mistakes when a Chinese character or
mark stands next to them; between digits or Latin letters they are right (1,000; 10:30;
3.5; (a)). A single space between two Chinese characters that a dictionary word spans
is a space the OCR left inside the word.
"""

from __future__ import annotations

from collections.abc import Callable

from models.proofreading.language import is_han

#: Half-width mark -> the full-width mark it stands for in Chinese text.
FULL_WIDTH = {
    ",": "，",
    ":": "：",
    ";": "；",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    ".": "。",
}
QUOTES = {'"', "\u2033", "\uff02"}  # ASCII quote, double prime, full-width ASCII quote
CHINESE_MARKS = set("，。、；：？！“”‘’（）《》〈〉【】…—·「」『』")
OPENING = set("“‘（《〈【「『")
#: Marks after which a quote opens rather than closes.
BEFORE_OPENING = set("：，。；？！、（《【「『 ") | OPENING


def chinese(ch: str) -> bool:
    return is_han(ch) or ch in CHINESE_MARKS


def _quote(line: str, i: int) -> str:
    """“ or ” for a straight quote at ``i``: by what stands before and after it, else by parity."""
    before = line[i - 1] if i > 0 else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    if not before or before in BEFORE_OPENING:
        return "“"
    if not after or (after in CHINESE_MARKS and after not in OPENING):
        return "”"
    opened = 0
    for ch in line[:i]:
        opened = quote_opened(opened, ch)
    return "”" if opened else "“"


def quote_opened(opened: int, ch: str) -> int:
    """Whether a double quote is open (1) or not (0) after ``ch``, given ``opened`` before it:
    the parity by which a straight quote with nothing telling around it is read."""
    if ch == "“" or (ch in QUOTES and opened == 0):
        return 1
    if ch == "”" or ch in QUOTES:
        return 0
    return opened


def punctuation_flags(line: str) -> list[tuple[int, int, str | None, str]]:
    """(start, end, suggestion, 'punctuation') for half-width marks in Chinese text."""
    out: list[tuple[int, int, str | None, str]] = []
    n = len(line)
    i = 0
    while i < n:
        ch = line[i]
        if ch not in FULL_WIDTH and ch not in QUOTES:
            i += 1
            continue
        end = i + 1
        if ch == ".":
            while end < n and line[end] == ".":
                end += 1
        before = line[i - 1] if i > 0 else ""
        after = line[end] if end < n else ""
        if ch in QUOTES:
            if chinese(before) or chinese(after):
                out.append((i, end, _quote(line, i), "punctuation"))
        elif before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            pass  # 1,000  10:30  3.5  a.m.
        elif chinese(before) or chinese(after):
            if end - i == 1:
                out.append((i, end, FULL_WIDTH[ch], "punctuation"))
            elif end - i <= 4:
                out.append((i, end, "……", "punctuation"))
        i = end
    return out


def space_flags(line: str, known: Callable[[str], bool]) -> list[tuple[int, int, str | None, str]]:
    """(start, end, '', 'space') for one space between Chinese characters that a known word spans."""
    out: list[tuple[int, int, str | None, str]] = []
    for i in range(1, len(line) - 1):
        if line[i] != " " or not is_han(line[i - 1]) or not is_han(line[i + 1]):
            continue
        if (i >= 2 and line[i - 2] == " ") or (i + 2 < len(line) and line[i + 2] == " "):
            continue
        joined_left, joined_right = line[max(0, i - 3) : i], line[i + 1 : i + 4]
        if any(
            known(joined_left[len(joined_left) - a :] + joined_right[:b])
            for a in range(1, len(joined_left) + 1)
            for b in range(1, len(joined_right) + 1)
            if 2 <= a + b <= 4 and " " not in joined_left[len(joined_left) - a :] + joined_right[:b]
        ):
            out.append((i, i + 1, "", "space"))
    return out
