"""The engine page's line reading measures word pairs the quick way and gets what sets get.

The second look at short lines (``headlines``) asks, for every short line, how many of the
Han character pairs of one stretch of the page occur in another (the text after the line
against the text before it, the line against both). It follows each pair's links along
the page instead of building sets; these properties check it against the sets, on pages
with repeated pairs, lines without Han characters and stretches past the page's ends.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser.headlines import _window_shares, pair_weights
from models.parser.line_features import PageText

# Few characters, so that pairs repeat often, within a line and across lines.
_LINE = st.text(alphabet="甲乙丙丁戊。，a1", max_size=12)


def _set_share(pc: list[int], a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of the distinct pairs at positions [a) found at [b), the plain way (none below three)."""
    a0 = max(0, a[0])
    first = set(pc[a0 : max(a0, a[1])])
    b0 = max(0, b[0])
    second = set(pc[b0 : max(b0, b[1])])
    return len(first & second) / len(first) if len(first) >= 3 else 0.0


#: A page's lines, and windows (start, length, gap, other length) of two stretches to compare.
_LINES = st.lists(_LINE, min_size=1, max_size=30)
_WINDOWS = st.lists(
    st.tuples(st.integers(-20, 60), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
)


def _pair_codes(page: PageText) -> list[int]:
    """Each character pair of the page as one number (the plain way)."""
    codes = page.codes.tolist()
    return [a * 0x110000 + b for a, b in zip(codes, codes[1:])]


@settings(max_examples=200)
@given(lines=_LINES, windows=_WINDOWS)
def test_pair_shares_match_sets(lines: list[str], windows: list[tuple[int, int, int, int]]) -> None:
    page = PageText(lines)
    pc = _pair_codes(page)
    ahead_rows, behind_rows = [], []
    for start, length, gap, other in windows:
        a = (start, start + length)
        # B wholly after A, and B wholly before A (as the line features ask).
        ahead_rows.append((a, (a[1] + gap, a[1] + gap + other)))
        behind_rows.append((a, (a[0] - gap - other, a[0] - gap)))
    for rows, ahead in ((ahead_rows, True), (behind_rows, False)):
        if not rows:
            continue
        arr = np.asarray([[a[0], a[1], b[0], b[1]] for a, b in rows], dtype=np.int64)
        got = _window_shares(page, arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3], ahead=ahead)
        want = [_set_share(pc, a, b) for a, b in rows]
        assert got.tolist() == want


def _weighed_share(pc: list[int], w: list[float], a: tuple[int, int], b: tuple[int, int]) -> float:
    """The same share with each distinct pair counted by its weight (the plain way)."""
    a0 = max(0, a[0])
    first = {pc[i]: w[i] for i in range(a0, min(len(pc), max(a0, a[1])))}
    b0 = max(0, b[0])
    second = set(pc[b0 : max(b0, b[1])])
    total = sum(first.values())
    if len(first) < 3 or total <= 0:
        return 0.0
    return sum(v for k, v in first.items() if k in second) / total


@settings(max_examples=200)
@given(lines=_LINES, windows=_WINDOWS)
def test_weighed_pair_shares_match_sets(lines: list[str], windows: list[tuple[int, int, int, int]]) -> None:
    """A pair's weight depends on the pair only, so any of its occurrences weighs the same."""
    page = PageText(lines)
    pc = _pair_codes(page)
    idf = pair_weights(page)
    w = idf.tolist()
    assert all(w[i] == w[j] for i in range(len(pc)) for j in range(len(pc)) if pc[i] == pc[j])
    rows = [((s, s + n), (s + n + g, s + n + g + o)) for s, n, g, o in windows]
    if not rows:
        return
    arr = np.asarray([[a[0], a[1], b[0], b[1]] for a, b in rows], dtype=np.int64)
    _plain, got = _window_shares(page, arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3], ahead=True, weights=idf)
    want = [_weighed_share(pc, w, a, b) for a, b in rows]
    assert np.allclose(got, want)
