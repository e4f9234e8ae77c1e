"""What the line model reads of each line of a page: one row of ``FEATURES`` per line.

Each line is described on its own (its length against the column, how it ends and starts,
datelines, bylines, credits, blank lines around it, what the column-grid rules say of it),
through its neighbours (the same features of the line before and after it) and by its place
on the page (the column just before it against the column just after it, the words it
shares with the text after and before it, how much the text after it goes on with the
text before, brackets and quotes left open).

A page is read in one pass: the characters of every line once into arrays, the column
widths of three windows from one table of running counts, and the rows built as whole
columns rather than line by line (a 10,000-character page takes a few milliseconds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from models.parser.lines import CLOSERS, OPENERS, Line, ends_sentence
from models.parser.paragraphs import BULLETS, ends_with_dateline
from models.parser.titles import is_byline, is_credit, is_label, is_note, starts_with_dateline

#: Features of a line on its own, also read off its neighbours.
BASE = (
    "short",
    "full",
    "indent_short",
    "very_short",
    "overlong",
    "ends_sentence",
    "ends_comma",
    "ends_colon",
    "ends_dash",
    "starts_dash",
    "ends_tag",
    "note",
    "byline",
    "credit",
    "dateline",
    "dateline_end",
    "label",
    "bullet",
    "opener",
    "phrase_gap",
    "letter_spaced",
    "length",
    "tiny",
    "ascii_share",
    "inner_stop",
    "blank_before",
    "blank_after",
    "rule_title",
    "rule_break",
)
#: Features of the line's place among its neighbours.
EXTRA = (
    "bias",
    "first",
    "last",
    "sim_next",
    "sim_prev",
    "width_jump",
    "page_blanks",  # the share of the page's lines that are blank (none on an engine's page)
    "blanks_around_on_blank_page",
    "no_blank_on_blank_page",
    "col_change",  # the column width of the lines just before differs from that just after
    "col_change_size",
    "over_after",  # the line is wider than the column after it (a kicker, a long headline)
    "short_after",  # how much narrower than the column after it
    "cohesion",  # share of the next lines' word pairs found in the lines before this one
    "cohesion_next",  # the same, one line on (across the line after this one)
    "in_bracket",  # a bracket opened in the last lines is still open: the line goes on with it
    "in_quote",  # the same for a quotation mark
    "split_word",  # the line ends in a number or Latin word that the next line goes on with
)
FEATURES = EXTRA + BASE + tuple("prev_" + f for f in BASE) + tuple("next_" + f for f in BASE)

_HAN_ANY = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_PHRASE_GAP = re.compile(f"[{_HAN_ANY}] [{_HAN_ANY}]")
_STOP = re.compile("[。！？；]")
#: A line's own features that hold whatever its column: BASE less the five read off its
#: width and the four of blank lines and the grid rules.
_TEXT_FEATURES = len(BASE) - 9


class PageText:
    """A page's non-blank lines without spaces, with its Han characters as numbers: what
    the line features and the second look at short lines (``headlines``) both read."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))
        joined = "".join(self.texts)
        every = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        is_han = (every >= 0x3400) & (every <= 0x9FFF)
        self.lengths = lengths
        #: Each line's end among the page's characters.
        self.char_ends = np.cumsum(lengths)
        han_upto = np.concatenate([[0], np.cumsum(is_han)])
        #: Each line's first Han character's place among the page's Han characters, and its end.
        self.ends = han_upto[self.char_ends] if len(lengths) else np.zeros(0, dtype=np.int64)
        self.starts = np.concatenate([[0], self.ends[:-1]]).astype(np.int64)
        #: The page's Han characters (code points).
        self.codes = every[is_han]
        self._links: tuple[np.ndarray, np.ndarray] | None = None
        #: The page's pair positions sorted by pair, then by place (made with the links).
        self.pair_order: np.ndarray = np.zeros(0, dtype=np.int64)
        self.pair_sorted: np.ndarray = np.zeros(0, dtype=np.int64)

    def links(self) -> tuple[np.ndarray, np.ndarray]:
        """For every Han character pair of the page (pair i: characters i and i + 1), where
        the same pair occurs next and where it occurred last (far past the page's ends
        where it does not)."""
        if self._links is None:
            codes = self.codes
            pairs = codes[:-1] * 0x110000 + codes[1:] if len(codes) > 1 else np.zeros(0, dtype=np.int64)
            m = len(pairs)
            order = np.lexsort((np.arange(m), pairs))
            self.pair_order, self.pair_sorted = order, pairs[order]
            same = self.pair_sorted[1:] == self.pair_sorted[:-1]
            nxt = np.full(m, 1 << 40, dtype=np.int64)
            prv = np.full(m, -(1 << 40), dtype=np.int64)
            nxt[order[:-1][same]] = order[1:][same]
            prv[order[1:][same]] = order[:-1][same]
            self._links = (nxt, prv)
        return self._links


def _overlap(page: PageText, size: int, reach: int = 300) -> tuple[np.ndarray, ...]:
    """Share of each line's Han bigrams found in the ``size`` characters just after it, and
    in those just before it (the page's Han characters read as one string); and the share
    of the bigrams of the ``size`` characters after each line found in the ``reach``
    characters before it (how much the text after the line goes on with the text before:
    little across an article boundary, much across a 小标题).

    Every bigram occurrence knows the next and the previous occurrence of the same
    bigram, so each line's question is a look-up, not a rebuilt set.
    """
    n_lines = len(page.texts)
    codes = page.codes
    if len(codes) < 2:
        return np.zeros(n_lines), np.zeros(n_lines), np.zeros(n_lines)
    nxt, prv = page.links()
    m = len(nxt)
    s_arr, e_arr = page.starts, page.ends
    # The line each Han character lies in; a bigram lies wholly inside a line when both
    # its characters do (one that spans two lines belongs to none).
    char_line = np.repeat(np.arange(n_lines), e_arr - s_arr)
    inside = np.nonzero(char_line[:-1] == char_line[1:])[0]
    line = char_line[inside]
    s_i, e_i = s_arr[line], e_arr[line]
    # One occurrence per distinct bigram of a line: its last in the line looks ahead,
    # its first looks back; the bigram straddling the line's edge is skipped.
    last = nxt[inside] >= e_i - 1
    ahead = nxt[inside]
    edge = ahead == e_i - 1
    ahead = np.where(edge, nxt[np.clip(ahead, 0, m - 1)], ahead)
    hit_after = last & (ahead >= e_i) & (ahead < e_i + size)
    first = prv[inside] < s_i
    back = prv[inside]
    edge = back == s_i - 1
    back = np.where(edge, prv[np.clip(back, 0, m - 1)], back)
    hit_before = first & (back >= s_i - size) & (back < s_i - 1)
    own = np.bincount(line[last], minlength=n_lines)
    after = np.bincount(line[hit_after], minlength=n_lines)
    before = np.bincount(line[hit_before], minlength=n_lines)
    ok = own >= 2
    share_after = np.where(ok, after / np.maximum(own, 1), 0.0)
    share_before = np.where(ok, before / np.maximum(own, 1), 0.0)
    # Cohesion across each line: the bigrams at [end, end + size) whose latest earlier
    # occurrence before the line's start lies within ``reach`` of it.
    width = min(size, m)
    pos = e_arr[:, None] + np.arange(width)[None, :]
    valid = pos < m
    p = prv[np.minimum(pos, m - 1)].ravel()
    limit = np.repeat(s_arr - 1, width)
    # Step back (at most four times) past occurrences in the line or after it; only the
    # bigrams still at or after the line's start are looked at again.
    todo = np.nonzero(p >= limit)[0]
    for _ in range(4):
        if not len(todo):
            break
        cur = p[todo]
        new = np.where(cur >= 0, prv[np.clip(cur, 0, m - 1)], cur)
        p[todo] = new
        todo = todo[new >= limit[todo]]
    p = p.reshape(n_lines, width)
    start = s_arr[:, None]
    hit = valid & (p >= start - reach) & (p < start - 1)
    count = valid.sum(axis=1)
    cohesion = np.where(count >= 8, hit.sum(axis=1) / np.maximum(count, 1), 0.0)
    return share_after, share_before, cohesion


def _text_features(line: Line, compact: str) -> list[float]:
    """The line's own features that its column does not change (BASE after the widths)."""
    s = line.stripped
    tail = compact.rstrip(CLOSERS) or compact
    n = len(compact)
    last = tail[-1:]
    ascii_n = sum(1 for c in compact if c < "\x80") if not compact.isascii() else n
    spaced = line.letter_spaced
    # A gap between two Han characters in a line that is not letter-spaced: a heading's
    # phrases (一手抓防控 一手抓发展).
    gap = not spaced and " " in s and bool(_PHRASE_GAP.search(s))
    return [
        float(ends_sentence(s)),
        float(last in "，、,"),
        float(last in "：:"),
        float(compact.endswith(("——", "—"))),
        float(compact.startswith(("——", "—"))),
        float(compact.endswith(("）", ")")) and ("（" in compact or "(" in compact)),
        float(is_note(s)),
        float(is_byline(s)),
        float(is_credit(s)),
        float(starts_with_dateline(s)),
        float(ends_with_dateline(s)),
        float(is_label(s)),
        float(compact[:1] in BULLETS),
        float(compact[:1] in OPENERS),
        float(gap),
        float(spaced),
        min(n, 60) / 30.0,
        float(n <= 4),
        ascii_n / max(n, 1),
        float(bool(_STOP.search(compact[:-1]))),
    ]


def _window_modes(widths: np.ndarray, windows: Sequence[tuple[int, int]]) -> list[np.ndarray]:
    """The column width around each line for each window (lines back, lines forward): the
    commonest line width among the lines of the window, as ``paragraphs.local_widths``
    reads it (lines under four characters wide say nothing of the column; ties go to the
    wider), every window counted from one table of running counts."""
    n = len(widths)
    bins = np.round(widths * 2).astype(int)
    useful = widths >= 4
    size = int(bins.max()) + 1
    onehot = np.zeros((n + 1, size), dtype=np.int32)
    onehot[np.nonzero(useful)[0] + 1, bins[useful]] = 1
    cum = np.cumsum(onehot, axis=0)
    idx = np.arange(n)
    own = np.maximum(widths, 1)
    out = []
    for back, ahead in windows:
        counts = cum[np.minimum(n, idx + ahead + 1)] - cum[np.maximum(0, idx - back)]
        best = size - 1 - np.argmax(counts[:, ::-1], axis=1)
        out.append(np.where(counts.max(axis=1) == 0, own, best / 2.0))
    return out


def _still_open(texts: Sequence[str], openers: str, closers: str, reach: int = 3) -> np.ndarray:
    """Whether a mark opened in the ``reach`` lines before each line is still open at its
    start (a bracket or quotation is rarely left open longer than that, and a title
    line never opens inside one)."""
    net = np.asarray([sum(map(t.count, openers)) - sum(map(t.count, closers)) for t in texts], dtype=np.int64)
    n = len(net)
    out = np.zeros(n, dtype=bool)
    depth = np.zeros(n, dtype=np.int64)
    for j in range(1, reach + 1):
        # The marks of the j lines just before each line, added up.
        depth[j:] += net[: n - j] if j < n else 0
        out[j:] |= depth[j:] > 0
    return out


def line_features(
    lines: Sequence[Line], rule_titles: set[int], rule_breaks: set[int], page: PageText | None = None
) -> np.ndarray:
    """One row of FEATURES per non-blank line of ``lines`` (in order); ``page``: the
    lines' ``PageText`` when the caller has it already."""
    body = [ln for ln in lines if not ln.blank]
    n = len(body)
    if not n:
        return np.zeros((0, len(FEATURES)))
    if page is None:
        page = PageText(["".join(ln.stripped.split()) for ln in body])
    texts = page.texts
    widths = np.fromiter((ln.width for ln in body), dtype=float, count=n)
    # The column around each line; of the few lines just before it; of those just after it.
    columns, upto, fromk = _window_modes(widths, ((12, 12), (7, 0), (0, 7)))
    index = np.fromiter((ln.index for ln in body), dtype=np.int64, count=n)
    gaps = np.diff(index) > 1
    blank_before = np.concatenate([[True], gaps])
    blank_after = np.concatenate([gaps, [True]])
    short = columns - widths
    base = np.empty((n, len(BASE)))
    base[:, 0] = np.clip(short / np.maximum(columns, 1.0), -1.0, 1.0)
    base[:, 1] = np.abs(short) <= 1.0
    base[:, 2] = (short >= 1.5) & (short <= 3.0)
    base[:, 3] = short > 3.5
    base[:, 4] = short < -1.5
    base[:, 5 : 5 + _TEXT_FEATURES] = [_text_features(ln, t) for ln, t in zip(body, texts)]
    base[:, -4] = blank_before
    base[:, -3] = blank_after
    base[:, -2] = [ln.index in rule_titles for ln in body]
    base[:, -1] = [ln.index in rule_breaks for ln in body]
    blanks = min(1.0, 5.0 * sum(1 for ln in lines if ln.blank) / max(1, len(lines)))
    sim_after, sim_before, cohesion = _overlap(page, 150)
    inner = np.zeros(n, dtype=bool)
    inner[1:-1] = True
    jump = np.zeros(n)
    jump[1:-1] = np.minimum(np.abs(columns[2:] - columns[:-2]), 6.0) / 6.0
    around = blank_before.astype(float) + blank_after
    w_before = np.concatenate([[0.0], upto[:-1]])
    w_after = np.concatenate([fromk[1:], [0.0]])
    change = np.where(inner, np.abs(w_before - w_after), 0.0)
    has_after = w_after != 0
    split_word = [
        a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum()
        for a, b in zip(texts, texts[1:])
    ]
    extra = np.empty((n, len(EXTRA)))
    extra[:, 0] = 1.0
    extra[:, 1] = 0.0
    extra[0, 1] = 1.0
    extra[:, 2] = 0.0
    extra[-1, 2] = 1.0
    extra[:, 3] = sim_after
    extra[:, 4] = sim_before
    extra[:, 5] = jump
    extra[:, 6] = blanks
    extra[:, 7] = blanks * around
    extra[:, 8] = blanks * (around == 0)
    extra[:, 9] = change >= 1.0
    extra[:, 10] = np.minimum(change, 6.0) / 6.0
    extra[:, 11] = has_after & (widths > w_after + 1.0)
    extra[:, 12] = np.where(has_after, np.clip((w_after - widths) / np.maximum(w_after, 1.0), -1.0, 1.0), 0.0)
    extra[:, 13] = cohesion
    extra[:, 14] = np.concatenate([cohesion[1:], [0.0]])
    extra[:, 15] = _still_open(texts, "（(", "）)")
    extra[:, 16] = _still_open(texts, "“", "”")
    extra[:, 17] = split_word + [False]
    prev = np.zeros_like(base)
    prev[1:] = base[:-1]
    nxt = np.zeros_like(base)
    nxt[:-1] = base[1:]
    return np.hstack([extra, base, prev, nxt])


__all__ = ["BASE", "EXTRA", "FEATURES", "PageText", "line_features"]
