"""Second look at a page's short lines with article-level evidence: does this line open an
article (a headline, B), go on with one (I), or stand inside an article (a 小标题, S)?

The line model (:mod:`models.parser.layout`) reads each line with its neighbours; a short
line that ends no sentence looks much the same whether it heads a new article or a
section of the same one. What tells them apart lies further away, so this pass reads the
page as the first pass decoded it and describes every short line by:

- the first pass's own odds for the line and what it made of the lines around it;
- how far the line is from the last headline and from the next one (an article is rarely
  a few lines long, and an article's 小标题 come every few paragraphs);
- how many 小标题 the article has had since its headline;
- what ends just before it: a closing note （本报记者…）, a photo or layout credit, a byline,
  or a kicker line (…——, …：) that a headline follows;
- what begins just after it: a dateline (本报北京2月12日电) or a byline within a few lines;
- how long the text is since the last title-like line above it and until the next one below
  it (a short piece after a long article: a photo's or a brief's own headline; a short piece
  after a short one: a brief inside a column), and a photo credit (…摄) closing the piece
  below it;
- whether the text goes on across it: the share of the word pairs of the few hundred
  characters after the line found in the few hundred before it, near and far (a topic
  shift at an article boundary, the same words on both sides of a 小标题), and the words
  the line shares with the text after it against the text before it.

A multinomial logistic model over those features (weights fitted by
``tools/train_parser.py`` on first-pass readings of pages its line model never saw, shipped
in ``resources/parser/line_model.json``) shares out the first pass's probability that the
line is a title-like line (B, I or S) among the three; the Viterbi decoder then reads the
page again with those odds.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

import numpy as np

from models.parser.line_features import PageText
from models.parser.titles import is_byline, is_closing_note, is_credit, is_note, starts_with_dateline

#: The labels this pass shares the title-like probability among (an order of layout.LABELS).
SHORT = ("B", "I", "S")
#: How far back (Han characters) the text before a line is read.
FAR = 1200
#: The stretches (Han characters) a pair's inverse document frequency counts.
CHUNK = 150
#: A line is looked at again when the first pass gives it at least this share of
#: title-like probability (the rest can hardly become a headline or a 小标题).
CANDIDATE = 0.02

ARTICLE_FEATURES = (
    "bias",
    "lp_B",
    "lp_I",
    "lp_S",
    "lp_short",
    "prev_title",
    "prev_short",
    "next_title",
    "next_short",
    "next_body",
    "since_head",
    "since_0_200",
    "since_200_600",
    "since_600_1500",
    "no_head_before",
    "until_head",
    "until_0_200",
    "until_200_600",
    "until_600_1500",
    "no_head_after",
    "shorts_since_head",
    "shorts_until_head",
    "like_last_short",
    "closing_before",
    "credit_before",
    "byline_before",
    "kicker_before",
    "kicker_shape",
    "dash_after",
    "dateline_after",
    "byline_after",
    "cohesion_near",
    "cohesion_far",
    "line_after",
    "line_before",
    "line_vs_article",
    "ends_tag",
    "ends_dash",
    "length",
    "page_first_line",
    "page_last_line",
    "idf_near",
    "idf_far",
    "idf_line_after",
    "idf_line_before",
    "idf_article",
    "since_title",
    "since_title_0_300",
    "until_title",
    "until_title_0_300",
    "short_piece_after_long",
    "short_piece_after_short",
    "credit_ahead",
)

#: A stretch of text between two title-like lines this short (Han and other characters) is
#: a short piece: a brief, a photo's caption, a 小标题's last section.
SHORT_PIECE = 300
#: How many lines after a short line a photo credit (…摄) closing its piece is looked for.
CREDIT_AHEAD = 14

_TAG = re.compile(r"[（(][^（()）]{2,24}[）)]$")


def _share(a: set[int], b: set[int]) -> float:
    """Share of the pairs ``a`` found in ``b`` (none below three pairs)."""
    return len(a & b) / len(a) if len(a) >= 3 else 0.0


def _bins(chars: int) -> tuple[float, float, float]:
    return float(chars < 200), float(200 <= chars < 600), float(600 <= chars < 1500)


def candidates(emit: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """Indices of the lines this pass looks at again."""
    idx = [labels.index(x) for x in SHORT]
    mass = np.exp(emit[:, idx]).sum(axis=1)
    return np.nonzero(mass >= CANDIDATE)[0]


def pair_weights(page: PageText) -> np.ndarray:
    """Each Han pair occurrence of the page weighed by how few stretches of the page hold
    its pair (an inverse document frequency over ``CHUNK``-character stretches, as
    ``cohesion`` weighs a page's paragraphs): words every article of the page uses (疫情,
    防控) weigh little, an article's own names much; a pair found in one stretch only
    cannot be shared and weighs nothing."""
    page.links()
    order, pairs = page.pair_order, page.pair_sorted
    m = len(order)
    if m == 0:
        return np.zeros(0)
    # Sorted by pair, then by place: a pair's stretches come in order, so each new
    # (pair, stretch) is where the pair or the stretch changes.
    new_pair = np.concatenate([[True], pairs[1:] != pairs[:-1]])
    group = np.cumsum(new_pair) - 1
    chunk = order // CHUNK
    n_chunks = int((m - 1) // CHUNK) + 1
    new = new_pair | np.concatenate([[True], chunk[1:] != chunk[:-1]])
    df = np.bincount(group[new], minlength=int(group[-1]) + 1)
    idf = np.where(df >= 2, np.log((n_chunks + 1) / np.maximum(df, 1)), 0.0)
    out = np.empty(m)
    out[order] = idf[group]
    return out


def _window_shares(
    page: PageText,
    a0: np.ndarray,
    a1: np.ndarray,
    b0: np.ndarray,
    b1: np.ndarray,
    ahead: bool,
    weights: np.ndarray | None = None,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """For each row, the share of the distinct Han pairs at positions [a0, a1) of the page
    also found at [b0, b1) (none below three pairs), window B wholly after A (``ahead``) or
    wholly before it: each pair's occurrence nearest B is followed along the page's
    links, all rows at once. With ``weights`` (each pair occurrence's, ``pair_weights``)
    also the weighted share, each distinct pair counted by its weight."""
    nxt, prv = page.links()
    m = len(nxt)
    k = len(a0)
    a0 = np.clip(a0, 0, m)
    a1 = np.clip(a1, a0, m)
    lens = a1 - a0
    row = np.repeat(np.arange(k), lens)
    pos = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens) + np.repeat(a0, lens)
    if ahead:
        # A pair's last occurrence in A, then its next ones past the gap before B.
        p = nxt[pos]
        distinct = p >= a1[row]
        lo = b0[row]
        todo = np.nonzero(distinct & (p < lo))[0]
        while len(todo):
            p[todo] = nxt[p[todo]]
            todo = todo[p[todo] < lo[todo]]
        hit = distinct & (p < b1[row])
    else:
        # A pair's first occurrence in A, then its earlier ones back past the gap after B.
        p = prv[pos]
        distinct = p < a0[row]
        hi = b1[row]
        todo = np.nonzero(distinct & (p >= hi))[0]
        while len(todo):
            p[todo] = prv[p[todo]]
            todo = todo[p[todo] >= hi[todo]]
        hit = distinct & (p >= np.maximum(b0, 0)[row])
    n = np.bincount(row[distinct], minlength=k)
    h = np.bincount(row[hit], minlength=k)
    share = np.where(n >= 3, h / np.maximum(n, 1), 0.0)
    if weights is None:
        return share
    w = weights[pos]
    nw = np.bincount(row[distinct], weights=w[distinct], minlength=k)
    hw = np.bincount(row[hit], weights=w[hit], minlength=k)
    return share, np.where((n >= 3) & (nw > 0), hw / np.maximum(nw, 1e-12), 0.0)


def article_features(
    texts: Sequence[str] | PageText,
    emit: np.ndarray,
    first: Sequence[str],
    rows: Sequence[int],
    labels: Sequence[str],
) -> np.ndarray:
    """One row of ARTICLE_FEATURES for each line in ``rows`` of the page's non-blank lines
    (``texts`` without spaces, or their ``PageText``), given the first pass's
    log-probabilities and reading."""
    page = texts if isinstance(texts, PageText) else PageText(texts)
    texts = page.texts
    n = len(texts)
    rows = np.asarray(rows, dtype=np.int64)
    # Each line's first Han character's place among the page's Han characters, and its end.
    starts = np.concatenate([page.starts, page.ends[-1:]]) if n else np.zeros(1, dtype=np.int64)
    cum = np.concatenate([[0], page.char_ends])
    heads = [k for k, lab in enumerate(first) if lab == "B"]
    # Title-like lines (a headline's or a 小标题's, a byline, a credit) as the first pass read them.
    titled = [k for k, lab in enumerate(first) if lab in SHORT]
    is_s = np.concatenate([[0], np.cumsum([lab == "S" for lab in first])])
    ib, ii, is_ = (labels.index(x) for x in SHORT)
    s0, s1 = starts[rows], starts[rows + 1]
    last_head = np.asarray([heads[i - 1] if i else -1 for i in np.searchsorted(heads, rows)], dtype=np.int64)
    # The article so far, as far back as the far window reaches (its headline's line, or the page's start).
    top_art = np.where(last_head >= 0, starts[last_head + 1], 0)
    after_near = (s1, s1 + 149)
    after_far = (s1, s1 + 399)
    before_near = (s0 - 300, s0 - 1)
    before_far = (s0 - FAR, s0 - 1)
    own = (s0, s1 - 1)
    idf = pair_weights(page)
    pairs = (
        _window_shares(page, *after_near, *before_near, ahead=False, weights=idf),
        _window_shares(page, *after_far, *before_far, ahead=False, weights=idf),
        _window_shares(page, *own, *after_near, ahead=True, weights=idf),
        _window_shares(page, *own, *before_near, ahead=False, weights=idf),
        _window_shares(page, *after_far, np.maximum(top_art, s0 - FAR), s0 - 1, ahead=False, weights=idf),
    )
    shares = [p[0] for p in pairs]
    weighed = [p[1] for p in pairs]
    out = []
    for j, k in enumerate(rows.tolist()):
        lp = np.maximum(emit[k], -12.0)
        mass = math.log(max(1e-12, sum(math.exp(emit[k, i]) for i in (ib, ii, is_))))
        prev = first[k - 1] if k > 0 else ""
        nxt = first[k + 1] if k + 1 < n else ""
        at = bisect.bisect_left(heads, k)
        before = at > 0
        after = heads[at + 1] if at < len(heads) and heads[at] == k and at + 1 < len(heads) else None
        if after is None and at < len(heads) and heads[at] > k:
            after = heads[at]
        last = heads[at - 1] if before else -1
        since = cum[k] - cum[last + 1] if before else cum[k]
        until = cum[after] - cum[k + 1] if after is not None else cum[n] - cum[k + 1]
        shorts = is_s[k] - is_s[last + 1]
        stop = after if after is not None else n
        shorts_after = is_s[stop] - is_s[k + 1]
        last_short = next((i for i in range(k - 1, last, -1) if first[i] == "S"), None) if shorts else None
        # The paragraph that ends just before the line, as the first pass read it.
        top = k - 1
        while top > 0 and first[top] == "C" and k - top < 8:
            top -= 1
        near = ["".join(texts[max(0, top) : k])] if k > 0 else []
        ahead = [texts[i] for i in range(k + 1, min(n, k + 4))]
        compact = texts[k]
        # The text since the last title-like line above the line's own title block, and until
        # the next one below it (a short piece after a long article: a photo's or a brief's
        # headline; a short piece after a short one: a brief inside a column).
        lo = k - 1
        while lo >= 0 and first[lo] in SHORT:
            lo -= 1
        hi = k + 1
        while hi < n and first[hi] in SHORT:
            hi += 1
        t = bisect.bisect_right(titled, lo) - 1
        since_t = cum[lo + 1] - cum[titled[t] + 1] if t >= 0 else cum[lo + 1]
        t = bisect.bisect_left(titled, hi)
        stop_t = titled[t] if t < len(titled) else n
        until_t = cum[stop_t] - cum[hi]
        piece = until_t < SHORT_PIECE
        credit_ahead = any(is_credit(texts[i]) for i in range(hi, min(n, stop_t + 1, k + CREDIT_AHEAD)))
        out.append(
            [
                1.0,
                float(lp[ib]),
                float(lp[ii]),
                float(lp[is_]),
                mass,
                float(prev in ("B", "I")),
                float(prev == "S"),
                float(nxt in ("B", "I")),
                float(nxt == "S"),
                float(nxt in ("P", "C")),
                math.log1p(since) / 8.0,
                *_bins(since),
                float(not before),
                math.log1p(until) / 8.0,
                *_bins(until),
                float(after is None),
                min(shorts, 5) / 5.0,
                min(shorts_after, 5) / 5.0,
                float(last_short is not None and abs(len(texts[last_short]) - len(compact)) <= 2),
                float(any(is_closing_note(t) or is_note(t) for t in near)),
                float(any(is_credit(t) for t in near)),
                float(any(is_byline(t) for t in near)),
                float(k > 0 and texts[k - 1].endswith(("——", "—", "：", ":")) and prev in ("B", "I", "S")),
                float(compact.endswith(("——", "—")) and nxt in ("B", "I", "S")),
                float(k + 1 < n and texts[k + 1].startswith(("——", "—"))),
                float(any(starts_with_dateline(t) for t in ahead)),
                float(any(is_byline(t) for t in ahead[:2])),
                shares[0][j],
                shares[1][j],
                shares[2][j],
                shares[3][j],
                shares[4][j],
                float(bool(_TAG.search(compact))),
                float(compact.endswith(("——", "—"))),
                min(len(compact), 40) / 20.0,
                float(k == 0),
                float(k == n - 1),
                weighed[0][j],
                weighed[1][j],
                weighed[2][j],
                weighed[3][j],
                weighed[4][j],
                math.log1p(since_t) / 8.0,
                float(since_t < SHORT_PIECE),
                math.log1p(until_t) / 8.0,
                float(piece),
                float(piece and since_t >= SHORT_PIECE),
                float(piece and since_t < SHORT_PIECE),
                float(credit_ahead),
            ]
        )
    return np.asarray(out, dtype=float).reshape(len(out), len(ARTICLE_FEATURES))


def rescore(
    texts: Sequence[str] | PageText,
    emit: np.ndarray,
    first: Sequence[str],
    weights: np.ndarray,
    labels: Sequence[str],
) -> np.ndarray:
    """The line model's log-probabilities with each candidate line's title-like share
    (B, I, S) dealt out again by the article-level model ``weights`` (len(SHORT) ×
    len(ARTICLE_FEATURES))."""
    rows = candidates(emit, labels)
    if len(rows) == 0:
        return emit
    x = article_features(texts, emit, first, rows, labels)
    idx = [labels.index(s) for s in SHORT]
    z = x @ weights.T
    z -= z.max(axis=1, keepdims=True)
    q = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    mass = np.log(np.exp(emit[np.ix_(rows, idx)]).sum(axis=1))
    out = emit.copy()
    out[np.ix_(rows, idx)] = mass[:, None] + q
    return out


__all__ = ["ARTICLE_FEATURES", "SHORT", "article_features", "candidates", "rescore"]
