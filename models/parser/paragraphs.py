"""Split a run of body lines into paragraphs.

OCR keeps no indents and scatters blank lines (column breaks fall mid-sentence, a
line that begins with an opening quote often has a blank line before it), so breaks
are read from the column grid instead: every line of a paragraph fills the column
except the last, and the first is two characters short where its indent was dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from models.parser.lines import OPENERS, Line, ends_sentence, is_han
from models.parser.titles import is_byline

#: A dateline such as 本报北京2月12日电 or 新华社北京2月1日电, alone at a line end.
DATELINE_END = re.compile(r"(本报|新华社|据新华社|中新社|人民日报).{0,14}电[\s（(]*$|本报讯\s*$")
INDENT = 2
BULLETS = "●■▲◆★•◇□○"


def ends_with_dateline(text: str) -> bool:
    """``DATELINE_END`` found in the text (looked for only where 电 or 讯 stands: every
    match holds one)."""
    return ("电" in text or "讯" in text) and DATELINE_END.search(text) is not None


def local_widths(lines: Sequence[Line], radius: int = 10, before: int | None = None) -> list[float]:
    """The column width around each line: the commonest line width among its neighbours.

    The window reaches ``before`` lines back (default ``radius``) and ``radius`` forward;
    lines under four characters wide say nothing of the column. Ties go to the wider.
    """
    if not lines:
        return []
    widths = np.fromiter((ln.width for ln in lines), dtype=float, count=len(lines))
    back = radius if before is None else before
    bins = np.round(widths * 2).astype(int)
    useful = widths >= 4
    size = int(bins.max()) + 1 if len(bins) else 1
    # Running counts of each half-character width: the window's counts are a difference.
    onehot = np.zeros((len(lines) + 1, size), dtype=np.int32)
    onehot[np.nonzero(useful)[0] + 1, bins[useful]] = 1
    cum = np.cumsum(onehot, axis=0)
    idx = np.arange(len(lines))
    lo = np.maximum(0, idx - back)
    hi = np.minimum(len(lines), idx + radius + 1)
    counts = cum[hi] - cum[lo]
    # The last (widest) of the most common widths.
    best = size - 1 - np.argmax(counts[:, ::-1], axis=1)
    empty = counts.max(axis=1) == 0
    out = np.where(empty, np.maximum(widths, 1), best / 2.0)
    return out.tolist()


def split_paragraphs(lines: Sequence[Line], columns: Sequence[float] | None = None) -> list[list[Line]]:
    """Group body lines (blank lines already dropped) into paragraphs.

    ``columns`` are the lines' ``local_widths`` when the caller has them already.
    """
    if not lines:
        return []
    if columns is None:
        columns = local_widths(lines)
    # Across a blank line two articles set in different widths may meet: there the next
    # line is measured against the lines after it only.
    ahead = local_widths(lines, radius=12, before=0)
    paragraphs: list[list[Line]] = [[lines[0]]]
    first = True
    depth = _bracket_depth(lines[0].stripped)
    for k in range(len(lines) - 1):
        a, b = lines[k], lines[k + 1]
        c = lines[k + 2] if k + 2 < len(lines) else None
        inside_note = depth > 0 and len(paragraphs[-1]) <= 5
        col_b = ahead[k + 1] if b.index > a.index + 1 and len(lines) - k > 4 else columns[k + 1]
        if not inside_note and _breaks_after(a, b, columns[k], col_b, first, c):
            paragraphs.append([b])
            first = True
            depth = _bracket_depth(b.stripped)
        else:
            paragraphs[-1].append(b)
            first = False
            depth += _bracket_depth(b.stripped)
    return paragraphs


def _elision(text: str) -> bool:
    if not text or text[0] not in "…⋯.。 ":
        return False
    return set(text) <= {"…", "⋯", ".", "。", " "} and text.count("…") + text.count("⋯") >= 2


def _indented(line: Line, column: float) -> bool:
    """Two or three characters short of the column: an indented first line."""
    return 1.5 <= column - line.width <= 3.0


def _bracket_depth(text: str) -> int:
    """Round brackets opened and not closed: a paragraph does not end inside （…）."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _exact_width(b: Line, c: Line | None, short_b: float, col_b: float) -> bool:
    """Digits and Latin letters make a line's width uncertain by a character or so."""
    return not any(ch.isascii() and ch.isalnum() for ch in b.stripped) or (
        2.0 <= short_b <= 2.5 and c is not None and abs(col_b - c.width) <= 0.5
    )


def _breaks_after(
    a: Line, b: Line, col_a: float, col_b: float, a_is_first: bool, c: Line | None = None
) -> bool:
    text_a = a.stripped
    if ends_with_dateline(text_a):
        return False
    if text_a.endswith(("，", "、", ",")):
        return False  # a paragraph does not end on a comma
    if is_byline(b.stripped) or is_byline(text_a):
        return True  # a byline (本报记者 …) is a line of its own
    if b.stripped[:1] in BULLETS:
        return True  # each item of a list (● …) is a paragraph
    if _elision(b.stripped) or _elision(text_a):
        return True  # a line of nothing but …… stands for what was left out
    # A letter-spaced line that stops mid-phrase, before a line that is not indented, was
    # spread out to fill its column, however few its characters.
    spread = a.letter_spaced and (is_han(text_a[-1]) or text_a[-1].isdigit()) and not _indented(b, col_b)
    short_a = 0.0 if spread else (col_a - (INDENT if a_is_first else 0)) - a.width
    short_b = col_b - b.width
    if ends_sentence(text_a):
        # An opening quote may not end a line, so it goes down with the character after
        # it and leaves the line above up to two characters short.
        if short_a >= (2.5 if b.stripped[:1] in OPENERS else 1.5):
            # Only a little short, and the next line fills the column: it is no indented
            # first line, so this one was short for its digits and spaces, not its end.
            return not (short_a < 2.5 and abs(short_b) <= 0.5)
        # A full line that ends a sentence: a new paragraph starts if the next line
        # is indented-short, or is a short line that ends no sentence (a title line).
        if 1.5 <= short_b <= 3.5:
            # An indented-short line that ends a sentence may instead be the last line
            # of this paragraph: then the line after it is the one that is indented.
            if ends_sentence(b.stripped):
                if c is None or c.index > b.index + 1:
                    return False  # the short last line of this paragraph, then a blank
                return not 1.5 <= col_b - c.width <= 3.5
            return True
        return short_b > 3.5 and not ends_sentence(b.stripped)
    # The line ends no sentence, so its paragraph goes on, unless it is a line of its
    # own (a 小标题, a name): then the next line is indented, or this one is short.
    # b looks indented when it is two or three short and the line after it fills the
    # column or ends b's paragraph.
    b_indented = 1.5 <= short_b <= 3.0 and (
        c is None or abs(col_b - c.width) <= 1 or ends_sentence(c.stripped) or c.index > b.index + 1
    )
    if b_indented and (
        short_a >= 1.5
        or (a_is_first and _exact_width(b, c, short_b, col_b) and not ends_sentence(b.stripped))
    ):
        return True
    # A clearly short line stands alone; one only a little short needs a blank line after
    # it to say so. A line cut before an opening quote is short by one more.
    slack = 1.0 if b.stripped[:1] in OPENERS else 0.0
    blank_between = b.index > a.index + 1
    return short_a >= 2.5 + slack or (short_a >= 1.5 + slack and blank_between)
