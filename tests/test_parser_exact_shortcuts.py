"""The parser's speed shortcuts give exactly what the code they replaced gave.

Each reference below is the previous implementation, kept here as it was: the words two
texts share (character bigrams, now counted as numbers and grown with an article's lead),
a paragraph's reflowed text and its map to the raw text, and a line's measures.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser.article_model import _han_share
from models.parser.articles import _COLUMN_TAG, _bigram_codes, _bigrams, _joined_codes, similarity
from models.parser.lines import (
    FREE_GAPS,
    HANGING,
    READ_HALF,
    Line,
    column_width,
    is_cjk,
    is_letter_spaced,
    ocr_read,
    split_lines,
)
from models.parser.paragraphs import DATELINE_END, ends_with_dateline
from models.parser.reflow import reflow
from models.text import MappedText

# Han characters at and past the edges of U+3400–U+9FFF, an astral one, marks, Latin, digits,
# and white space of several kinds (the ideographic space, a no-break space, \x1c).
ALPHABET = "中国人民日报记者发展\u3400\u9fff\u33ff\ua000𠀀，。“”（）—abcXY019. \u3000\u00a0\u2003\u0085\t\x1c"
texts = st.text(alphabet=ALPHABET, max_size=80)


def old_bigrams(text: str) -> frozenset[str]:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    return frozenset(a + b for a, b in zip(han, han[1:]))


def old_han_share(a: str, b: str) -> float:
    ta = old_bigrams(a[:120])
    if not ta:
        return 0.0
    return len(ta & old_bigrams(b)) / len(ta)


def old_similarity(title: str, lead: str) -> float:
    t = old_bigrams(_COLUMN_TAG.sub("", title.strip()))
    if not t:
        return 0.0
    return len(t & old_bigrams(lead)) / len(t)


def as_pairs(codes: frozenset[int]) -> frozenset[str]:
    """The numbers back as pairs (the UTF-16 units read as one little-endian number)."""
    return frozenset(chr(c & 0xFFFF) + chr(c >> 16) for c in codes)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_bigrams_and_shared_words_as_before(a: str, b: str) -> None:
    assert _bigrams(b) == old_bigrams(b)
    assert len(_bigram_codes(b)) == len(old_bigrams(b))
    if sys.byteorder == "little":
        assert as_pairs(_bigram_codes(b)) == old_bigrams(b)
    assert _han_share(a, b) == old_han_share(a, b)
    assert similarity(a, b) == old_similarity(a, b)
    assert similarity(a + "（人民论坛）", b) == old_similarity(a + "（人民论坛）", b)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(texts, min_size=1, max_size=12))
def test_a_growing_lead_shares_what_it_shared_counted_whole(a: str, parts: list[str]) -> None:
    """Leads that go on from one another (grown from the shorter's pairs), and texts run
    together from each one's pairs, share exactly the words the whole text does."""
    opening = "中国人民日报记者发展中国人民日报记者发展中国人民日报记者发展中国"  # longer than the key
    grown = opening
    for part in parts:
        grown += part
        assert _han_share(a, grown) == old_han_share(a, grown)
        assert similarity(a, grown) == old_similarity(a, grown)
        assert len(_bigram_codes(grown)) == len(old_bigrams(grown))
    assert _han_share(a, parts) == old_han_share(a, "".join(parts))
    assert len(_joined_codes(parts)) == len(old_bigrams("".join(parts)))


def _old_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _old_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _old_clean_gaps(chars: list[tuple[str, int]], letter_spaced: bool = False) -> list[tuple[str, int]]:
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


def old_reflow(lines: Sequence[Line]) -> MappedText:
    text: list[str] = []
    source: list[int] = []
    prev_end = -1
    for line in lines:
        chars = _old_clean_gaps(
            [(c, line.start + i) for i, c in enumerate(line.text)], letter_spaced=is_letter_spaced(line.text)
        )
        if not chars:
            continue
        if (
            text
            and _old_latin(text[-1])
            and _old_word(chars[0][0])
            or text
            and _old_word(text[-1])
            and _old_latin(chars[0][0])
        ):
            text.append(" ")
            source.append(prev_end)
        for ch, off in chars:
            text.append(ch)
            source.append(off)
        prev_end = line.end
    return MappedText("".join(text), source)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=8))
def test_reflow_as_before(rows: list[str]) -> None:
    lines = split_lines("\n".join(rows))
    got, want = reflow(lines), old_reflow(lines)
    assert (got.text, got.source) == (want.text, want.source)


def old_column_width(text: str, free_gaps: bool = False) -> float:
    s = text.strip()
    if is_letter_spaced(s):
        s = "".join(s.split())
    if s and s[-1] in HANGING:
        s = s[:-1]
    ascii_n = len(s.encode("ascii", "ignore"))
    if ascii_n == len(s):
        return 0.5 * ascii_n
    wide = tuple(c for c in map(chr, range(128, 0x3001)) if c.isspace())
    # ``free_gaps``: ASCII spaces between two CJK characters take no room (but after a
    # dateline's 电 or 讯, a role's 者 员 生).
    between = 0
    for i, c in enumerate(s):
        if c != " ":
            continue
        j, k = i - 1, i + 1
        while j >= 0 and s[j] == " ":
            j -= 1
        while k < len(s) and s[k] == " ":
            k += 1
        if free_gaps and 0 <= j and k < len(s) and _cjk(s[j]) and _cjk(s[k]) and s[j] not in "电讯者员生":
            between += 1
    return float(len(s) - ascii_n) - sum(map(s.count, wide)) + 0.5 * (ascii_n - between)


def _cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x2014 <= cp <= 0x2026
        or 0x2E80 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3FFFF
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=8))
def test_line_measures_as_before(rows: list[str]) -> None:
    for line in split_lines("\n".join(rows)):
        read = ocr_read(line.text) if line.ocr & READ_HALF else line.text
        free = bool(line.ocr & FREE_GAPS)
        assert line.stripped == read.strip()
        assert line.blank == (not line.text.strip())
        assert line.letter_spaced == is_letter_spaced(line.text)
        assert line.width == column_width(read, free_gaps=free) == old_column_width(read, free)
        assert column_width(line.text) == old_column_width(line.text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="本报新华社据中新人民日电讯北京2月12（( \t\u3000记者", max_size=30))
def test_dateline_ends_found_as_before(text: str) -> None:
    assert ends_with_dateline(text) == bool(DATELINE_END.search(text))
    assert ends_with_dateline(text + "电") == bool(DATELINE_END.search(text + "电"))
