"""Reflow hard-wrapped lines into clean text, keeping the map back to the raw text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.parser.lines import Line, is_cjk
from models.text import MappedText


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _line_chars(line: Line) -> list[tuple[str, int]]:
    """The line's characters with their raw offsets, OCR gaps removed (see ``clean_gaps``)."""
    chars = [(c, line.start + i) for i, c in enumerate(line.text)]
    return clean_gaps(chars, letter_spaced=line.letter_spaced)


#: White space as ``str.isspace`` has it (the regex engine asks the same table).
_SPACE = re.compile(r"\s")


def _line_text(line: Line) -> tuple[str, Sequence[int]]:
    """``_line_chars`` as its text and its offsets: a line without white space (most
    lines) is the whole of its text, taken as it is."""
    if _SPACE.search(line.text) is None:
        return line.text, range(line.start, line.end)
    chars = _line_chars(line)
    return "".join(c for c, _ in chars), [off for _, off in chars]


def clean_gaps(chars: list[tuple[str, int]], letter_spaced: bool = False) -> list[tuple[str, int]]:
    """Drop OCR spaces next to CJK characters; keep one space between Latin words or numbers.

    In a letter-spaced line every single space is an artefact of justification; a wider
    gap there still separates words.
    """
    out: list[tuple[str, int]] = []
    i, n = 0, len(chars)
    while i < n:
        ch, off = chars[i]
        if not ch.isspace():
            out.append((ch, off))
            i += 1
            continue
        j = i
        while j < n and chars[j][0].isspace():
            j += 1
        left = out[-1][0] if out else ""
        right = chars[j][0] if j < n else ""
        run = j - i
        keep = bool(left) and bool(right)
        if keep and letter_spaced:
            keep = run >= 2
        elif keep:
            keep = not (is_cjk(left) or is_cjk(right))
        if keep:
            out.append((" ", off))
        i = j
    return out


def reflow(lines: Sequence[Line]) -> MappedText:
    """Join a paragraph's lines: CJK joins without a space, Latin words across a break get one."""
    text: list[str] = []
    source: list[int] = []
    prev_end = -1
    last = ""
    for line in lines:
        chars, offsets = _line_text(line)
        if not chars:
            continue
        first = chars[0]
        if last and (_latin(last) and _word(first) or _word(last) and _latin(first)):
            text.append(" ")
            source.append(prev_end)  # the line break the space stands for
        text.append(chars)
        source.extend(offsets)
        last = chars[-1]
        prev_end = line.end
    return MappedText("".join(text), source)


def title_text(lines: Sequence[Line]) -> MappedText:
    """Join the lines of a heading, keeping a deliberate gap between its phrases as one space."""
    text: list[str] = []
    source: list[int] = []
    for line in lines:
        chars = [(c, line.start + i) for i, c in enumerate(line.text)]
        if not line.letter_spaced:
            # In a heading a gap between phrases is meant (一手抓防控 一手抓发展): keep it, once.
            kept: list[tuple[str, int]] = []
            for ch, off in chars:
                if ch.isspace():
                    if kept and not kept[-1][0].isspace():
                        kept.append((" ", off))
                else:
                    kept.append((ch, off))
            while kept and kept[-1][0] == " ":
                kept.pop()
            chars = kept
        else:
            chars = clean_gaps(chars, letter_spaced=True)
        if text and chars and _latin(text[-1]) and _latin(chars[0][0]):
            text.append(" ")
            source.append(line.start - 1)  # the line break between two Latin words
        for ch, off in chars:
            text.append(ch)
            source.append(off)
    return MappedText("".join(text), source)
