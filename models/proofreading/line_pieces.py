"""Long lines checked in pieces: a whole page run into one line (its line ends lost) is cut
at sentence ends so that checking it costs time and memory in proportion to its length.

A line over :data:`PIECE_CHARS` code points is cut into pieces of at most that many: after
the last sentence end (。！？； or a line-separator-like character, with the closing marks
after it) in the second half of the piece where no double quote is open nor was for
:data:`CONTEXT` characters, else after the last such comma there, else hard at
:data:`PIECE_CHARS`. The checker checks each piece with :data:`CONTEXT` characters of the
line on either side (what stands next to a mark decides whether it is wrong) and keeps the
flags that start in the piece, offset back into the line's code points. A cut at a sentence
end changes no flag (tests/test_line_pieces.py holds the checker to it; a straight quote is
read as opening or closing by the quotes before it on the line, hence "no quote open"); a
comma or hard cut is the fallback for text with no sentence end for thousands of characters.
"""

from __future__ import annotations

from models.proofreading.punctuation import QUOTES, quote_opened

#: The longest piece (code points). A newspaper line is under 100 characters, a page run into
#: one line about 15,000; the checker took ~50 KB of memory a character of a line (1.1 GB for
#: 20,000 × 中), so a piece of this size keeps it to a few hundred MB (docs/proofreading.md,
#: probe15b).
PIECE_CHARS = 4000
#: Characters of the line checked on either side of a piece (the checker looks at most a few
#: characters around a position).
CONTEXT = 32

#: Marks after which a sentence ends, and line-separator-like characters.
SENTENCE_ENDS = frozenset("。！？；\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
#: Marks a cut may fall after when no sentence ends in the window.
COMMAS = frozenset("，、：")
#: Closing marks that belong with the sentence end before them (。” is cut after the ”).
_CLOSERS = frozenset("”’」』）》〉】〕")
_ANY_QUOTE = frozenset(QUOTES | {"“", "”"})


def _cuts(line: str, start: int, high: int) -> tuple[int | None, int | None]:
    """The last cut after a sentence end and after a comma in ``line[start:high]``'s second
    half where no quote is open nor was within CONTEXT characters (``line[:start]`` leaves
    none open)."""
    low = start + (high - start) // 2
    opened = 0
    last_quote = -(10**9)
    sentence = comma = None
    i = start
    while i < high:
        ch = line[i]
        opened = quote_opened(opened, ch)
        if ch in _ANY_QUOTE:
            last_quote = i
        i += 1
        if ch in SENTENCE_ENDS or ch in COMMAS:
            while i < high and line[i] in _CLOSERS:
                opened = quote_opened(opened, line[i])
                if line[i] in _ANY_QUOTE:
                    last_quote = i
                i += 1
            if i > low and not opened and last_quote < i - CONTEXT:
                if ch in SENTENCE_ENDS:
                    sentence = i
                else:
                    comma = i
    return sentence, comma


def piece_bounds(line: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of ``line``, in order, together the whole line. A line of
    at most ``size`` code points is one piece."""
    if size < 2:
        raise ValueError("a piece holds at least 2 characters")
    bounds = []
    start = 0
    while len(line) - start > size:
        high = start + size
        sentence, comma = _cuts(line, start, high)
        cut = sentence or comma or high
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(line)))
    return bounds
