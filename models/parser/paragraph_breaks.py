"""Paragraph breaks in a run of body lines, scored by a fitted model (pages with blank lines).

OCR keeps no indents and scatters blank lines, so whether a paragraph ends after a line
is read from the column grid and the line's words: a paragraph's lines fill the column
but the last, its first line is two characters short where the indent was dropped, a
paragraph seldom ends on a comma, a line opening with a quote, a bullet or 一、 often
starts one. Instead of rules with thresholds, each gap between two lines is scored by a
logistic model over features of the line above, the line below and the one after it
(how short each is against the column, how each ends and starts, digits and Latin
letters that make a width uncertain, letter spacing, blank lines, datelines, bylines,
credits, brackets and quotations left open), some of them read differently when the line above opened
its paragraph (then it is two characters short by right). A two-state Viterbi pass
(does this line open a paragraph?) picks the likeliest breaks for the whole run.

The weights are fitted on the dev pages and relaid-out pages by ``tools/train_articles.py``
(``tools/train_paragraphs.py`` holds the fit) and ship in
``resources/parser/article_model.json`` (``paragraph_breaks``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

import numpy as np

from models.parser.lines import CLOSERS, SENTENCE_END, Line
from models.parser.paragraphs import BULLETS, ends_with_dateline, local_widths
from models.parser.titles import is_byline, is_credit, is_note, starts_with_dateline

#: A list item's number: 1. 2、 （一） 一、 第一，
ENUMERATOR = re.compile(
    r"^\s*(\d{1,2}\s*[.、．）)]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十]{1,3}[，、是])"
)
INDENT = 2.0
#: How far short of the column a line stops, in half characters, grouped.
_EDGES = (-0.75, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.5, 5.0, 8.0)
_BINS = ("over", "0", "h", "1", "1h", "2", "2h", "3", "4", "6", "far")


def _bin(short: float) -> str:
    return _BINS[bisect_left(_EDGES, short)]


def _end(text: str) -> str:
    """How a line ends: a sentence, a comma, a colon, a bracket, a quote, or mid-phrase."""
    s = text.rstrip()
    quoted = False
    while s and s[-1] in CLOSERS:
        if s[-1] in "）)":
            if not quoted:
                return "paren"
        quoted = True
        s = s[:-1].rstrip()
    if not s:
        return "mark"
    last = s[-1]
    if last in SENTENCE_END or (last == "." and len(s) > 1 and s[-2].isalpha()):
        return "qstop" if quoted else "stop"
    if last in "，、,":
        return "comma"
    if last in "：:":
        return "colon"
    if last in "—-":
        return "dash"
    return "quote" if quoted else "open"


def _start(text: str) -> str:
    """How a line starts: a quote, a bracket, a book title, a list mark, a dash, a digit."""
    s = text.lstrip()
    if not s:
        return "none"
    first = s[0]
    if first in BULLETS:
        return "bullet"
    if ENUMERATOR.match(s):
        return "enum"
    if first in "“‘「『":
        return "quote"
    if first in "（(":
        return "paren"
    if first in "《【":
        return "book"
    if first in "—":
        return "dash"
    if first.isascii() and first.isalnum():
        return "latin"
    if first in "，。、；：？！”’）》":
        return "punct"
    return "han"


def _elision(text: str) -> bool:
    """A line of nothing but …… (what was left out)."""
    return text[:1] in "…⋯" and not text.strip("…⋯.。 ") and text.count("…") + text.count("⋯") >= 2


_LATIN = re.compile(r"[0-9A-Za-z]")


def _depth(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def full_widths(lines: Sequence[Line], radius: int = 10) -> list[float]:
    """The widest width that at least two lines near each line share: the full column even
    where most lines are short (a list of one- and two-line paragraphs), when the
    commonest width (``local_widths``) is a first line's."""
    if not lines:
        return []
    widths = np.fromiter((ln.width for ln in lines), dtype=float, count=len(lines))
    bins = np.round(widths * 2).astype(int)
    size = int(bins.max()) + 1
    onehot = np.zeros((len(lines) + 1, size), dtype=np.int32)
    onehot[np.arange(len(lines)) + 1, bins] = 1
    cum = np.cumsum(onehot, axis=0)
    idx = np.arange(len(lines))
    counts = cum[np.minimum(len(lines), idx + radius + 1)] - cum[np.maximum(0, idx - radius)]
    shared = counts >= 2
    widest = size - 1 - np.argmax(shared[:, ::-1], axis=1)
    return np.where(shared.any(axis=1), widest / 2.0, widths).tolist()


class BodyRun:
    """A run of body lines with what each line says on its own, measured once: its column
    widths (commonest near it, ahead of it across a blank line, widest shared) and how it
    ends and starts."""

    def __init__(self, lines: Sequence[Line], columns: Sequence[float] | None = None) -> None:
        self.lines = lines
        self.columns = local_widths(lines) if columns is None else columns
        self.ahead = local_widths(lines, radius=12, before=0)
        self.full = full_widths(lines)
        self.ends = [_end(ln.stripped) for ln in lines]
        self.starts = [_start(ln.stripped) for ln in lines]
        self.latin = [_LATIN.search(ln.stripped) is not None for ln in lines]
        self.tiny = [len(ln.stripped.replace(" ", "")) <= 6 for ln in lines]
        self.depth = [_depth(ln.stripped) for ln in lines]
        self.marks = [_marks(ln.stripped) for ln in lines]
        # Lines well short of the widest column near them, and list marks, counted as
        # running sums: how list-like the lines around a gap are.
        self.short_sum = list(accumulate((f - ln.width >= 2.5 for f, ln in zip(self.full, lines)), initial=0))
        self.list_sum = list(accumulate((s in ("enum", "bullet") for s in self.starts), initial=0))
        self.spaced_alt = [_spaced_alt(ln) for ln in lines]
        # Quotation marks a line leaves open (“ not closed by ”).
        self.qdepth = [ln.stripped.count("“") - ln.stripped.count("”") for ln in lines]


def _spaced_alt(line: Line) -> float | None:
    """A letter-spaced line's width with each ASCII letter or digit in a full cell (the
    spacing may set them so; the half-width reading is ``width``), or None."""
    if not line.letter_spaced:
        return None
    n = len(_LATIN.findall(line.stripped))
    return line.width + 0.5 * n if n else None


def _marks(text: str) -> tuple[str, ...]:
    """What a line is besides text: a dateline's end or start, a byline, a credit, a note."""
    out = []
    if ends_with_dateline(text):
        out.append("dateline_end")
    if starts_with_dateline(text):
        out.append("dateline")
    if is_byline(text):
        out.append("byline")
    if is_credit(text):
        out.append("credit")
    if is_note(text):
        out.append("note")
    if _elision(text):
        out.append("elision")
    return tuple(out)


def gap_features(run: BodyRun, k: int) -> tuple[list[str], list[str], list[str]]:
    """Features of the gap after line ``k``: (always, if line k opened its paragraph, if not)."""
    lines = run.lines
    a, b = lines[k], lines[k + 1]
    c = lines[k + 2] if k + 2 < len(lines) else None
    blank = b.index > a.index + 1
    col_a = run.columns[k]
    col_b = run.ahead[k + 1] if blank and len(lines) - k > 4 else run.columns[k + 1]
    end_a, end_b, start_b = run.ends[k], run.ends[k + 1], run.starts[k + 1]
    short_a = col_a - a.width
    bin_a = _bin(short_a)
    bin_b = _bin(col_b - b.width)
    f = ["bias", f"ea.{end_a}", f"eb.{end_b}", f"sb.{start_b}", f"b.{bin_b}", f"b.{bin_b}.{end_b}"]
    f.append(f"ea.{end_a}.sb.{start_b}")
    if c is None:
        f += ["c.none", f"b.{bin_b}.c.none"]
    else:
        bin_c = _bin(col_b - c.width)
        f += [f"b.{bin_b}.c.{bin_c}", f"eb.{end_b}.c.{bin_c}", f"sc.{run.starts[k + 2]}.eb.{end_b}"]
        if c.index > b.index + 1:
            f += ["c.blank", f"b.{bin_b}.c.blank"]
    if blank:
        f += ["blank", f"blank.{end_a}", f"blank.sb.{start_b}"]
    if a.letter_spaced:
        f += ["a.spaced", f"a.spaced.{end_a}"]
    if b.letter_spaced:
        f += ["b.spaced", f"b.spaced.{end_b}"]
    if run.latin[k]:
        f.append(f"a.latin.{bin_a}")
    if run.latin[k + 1]:
        f.append(f"b.latin.{bin_b}")
    wide = run.full[k + 1]
    if wide - col_b >= 1:
        # The commonest width is not the widest: measure against the widest too.
        f += [f"wb.{_bin(wide - b.width)}", f"wa.{_bin(wide - a.width)}.{end_a}"]
    if abs(col_a - col_b) >= 1:
        f.append("col_change")
    if col_a < 12:
        f.append(f"narrow.{bin_a}")
    if run.tiny[k]:
        f.append(f"a.tiny.{end_a}")
    if run.tiny[k + 1]:
        f.append(f"b.tiny.{end_b}")
    # How list-like the lines around the gap are (three before it, five from it on): in
    # a run of short lines or list items a short line is no paragraph's last by itself.
    lo, hi = max(0, k - 3), min(len(lines), k + 5)
    frac = (run.short_sum[hi] - run.short_sum[lo]) / (hi - lo)
    dens = "hi" if frac >= 0.6 else "mid" if frac >= 0.35 else "lo"
    f.append(f"dens.{dens}.b.{bin_b}")
    if run.list_sum[hi] - run.list_sum[lo] >= 2:
        f += [f"listy.sb.{start_b}", f"listy.ea.{end_a}"]
    if run.spaced_alt[k + 1] is not None:
        f.append(f"b.spaced.alt.{_bin(run.columns[k + 1] - run.spaced_alt[k + 1])}")
    if run.spaced_alt[k] is not None:
        f.append(f"a.spaced.alt.{_bin(col_a - run.spaced_alt[k])}.{end_a}")
    f += [f"a.{m}" for m in run.marks[k]]
    f += [f"b.{m}" for m in run.marks[k + 1]]
    # A quotation left open over line k (on it or the line before) goes on below it: on
    # the dev pages' gold no paragraph ends inside one, even after a sentence's end.
    if run.qdepth[k] > 0 or (k > 0 and run.qdepth[k - 1] + run.qdepth[k] > 0):
        f.append(f"a.quote_open.{end_a}")
    if run.depth[k] > 0:
        f.append("a.bracket_open")
    if k > 0 and run.depth[k - 1] + run.depth[k] > 0:
        f.append("za.bracket_open")
    # Line k's shortness means one thing when it opened its paragraph (two short by
    # right) and another when it carried one on.
    bin_first = _bin(short_a - INDENT)
    first = [f"F.a.{bin_first}", f"F.a.{bin_first}.{end_a}"]
    later = [f"N.a.{bin_a}", f"N.a.{bin_a}.{end_a}"]
    if k > 0:
        later.append(f"N.z.{run.ends[k - 1]}.a.{bin_a}")
    return f, first, later


def _logit(names: list[str], weights: dict[str, float]) -> float:
    get = weights.get
    total = 0.0
    for name in names:
        total += get(name, 0.0)
    return total


def _log_sigmoid(z: float) -> float:
    return -math.log1p(math.exp(-z)) if z > -30 else z


def split_scored(
    lines: Sequence[Line], weights: dict[str, float], columns: Sequence[float] | None = None
) -> list[list[Line]]:
    """Group body lines (blank lines already dropped) into paragraphs by the fitted weights.

    ``columns`` are the lines' ``local_widths`` when the caller has them already.
    """
    if not lines:
        return []
    run = BodyRun(lines, columns)
    n = len(lines)
    # Viterbi over "line k opens a paragraph" (1) or not (0); line 0 opens one.
    score = [-math.inf, 0.0]
    back: list[tuple[int, int]] = []
    for k in range(n - 1):
        always, first, later = gap_features(run, k)
        base = _logit(always, weights)
        # A dateline (本报北京2月12日电) at a line's end opens the text that follows it: no
        # paragraph ends there, however short the line (a dateline alone on its line).
        held = "dateline_end" in run.marks[k]
        new = [-math.inf, -math.inf]
        arg = [0, 0]
        for state, extra in ((0, later), (1, first)):
            if score[state] == -math.inf:
                continue
            z = -math.inf if held else base + _logit(extra, weights)
            for nxt, logp in ((1, _log_sigmoid(z)), (0, 0.0 if held else _log_sigmoid(-z))):
                if score[state] + logp > new[nxt]:
                    new[nxt], arg[nxt] = score[state] + logp, state
        back.append((arg[0], arg[1]))
        score = new
    state = 0 if score[0] >= score[1] else 1
    opens = [False] * n
    for k in range(n - 1, 0, -1):
        opens[k] = state == 1
        state = back[k - 1][state]
    opens[0] = True
    paragraphs: list[list[Line]] = []
    for line, opened in zip(lines, opens):
        if opened:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


__all__ = ["BodyRun", "gap_features", "split_scored"]
