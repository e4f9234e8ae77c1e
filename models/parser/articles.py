"""The pieces articles are made of: paragraphs and title units (``Item``), articles, and the
cues about them that the article decoder (``models.parser.article_model``) weighs: the words a
headline shares with its article's lead, labels, attributions and closing notes.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from models.parser.lines import READ_HALF, Line, measured_once, ocr_read
from models.parser.titles import is_byline, is_closing_note, is_label
from models.text import MappedText


@dataclass
class Item:
    kind: str  # "para" or "title"
    lines: list[Line]
    text: str = ""
    column: float = 0.0
    own_column: float | None = None  # the width its own full lines show, if it has enough
    mapped: MappedText | None = None  # the reflowed text, once made
    same_column: bool = False  # a title with paragraphs of one column width on both sides
    byline_follows: bool = False  # the paragraph after this title is a byline
    byline: bool = False
    #: A title unit the article decoder stacked from two or more printed ones (kicker,
    #: heading, subheading set apart by blank lines): its parts, in order.
    parts: tuple[Item, ...] = ()

    @measured_once
    def closes_article(self) -> bool:
        return self.kind == "para" and is_closing_note(self.text)


@dataclass
class Article:
    heading: Item | None = None
    items: list[Item] = field(default_factory=list)  # paragraphs (and intertitles) in order


#: Everything but the Han characters of U+3400–U+9FFF (what ``_bigrams`` reads).
_NOT_HAN = re.compile("[^\u3400-\u9fff]+")


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    """The pairs of Han characters next to each other once the rest is left out."""
    han = _NOT_HAN.sub("", text)
    return frozenset(map(operator.add, han, han[1:]))


def _pair_codes(han: str) -> frozenset[int]:
    """Every two neighbouring characters of ``han`` (Han characters only) as one number:
    the UTF-16 code units, two at a time read as one 32-bit number (those from even
    places, then from odd ones), one to one with the pairs."""
    units = han.encode("utf-16-le")
    even = memoryview(units[: len(units) // 4 * 4]).cast("I")
    odd = memoryview(units[2 : 2 + (len(units) - 2) // 4 * 4]).cast("I")
    return frozenset(chain(even, odd))


#: Texts whose pairs were counted last, by their opening (``_bigram_codes``).
_GROWN: dict[str, tuple[str, str, frozenset[int]]] = {}
_OPENING = 32
_KEPT = 1024


@lru_cache(maxsize=_KEPT)
def _bigram_codes(text: str) -> frozenset[int]:
    """``_bigrams`` as numbers (``_pair_codes``): two texts share as many of them as of the
    pairs, and no string is made a pair. An article's lead grows a paragraph at a time as
    the decoder reads on: a text that goes on from one counted just before adds the pairs
    of what it adds (and the pair across the join) to that one's."""
    opening = text[:_OPENING]
    known = _GROWN.get(opening)
    if known is not None and len(known[0]) < len(text) and text.startswith(known[0]):
        before, last, codes = known
        han = _NOT_HAN.sub("", text[len(before) :])
        if han:
            codes = codes | _pair_codes(last + han)
            last = han[-1]
    else:
        han = _NOT_HAN.sub("", text)
        codes, last = _pair_codes(han), han[-1:]
    if len(_GROWN) >= _KEPT:
        _GROWN.clear()
    _GROWN[opening] = (text, last, codes)
    return codes


@lru_cache(maxsize=_KEPT)
def _han_ends(text: str) -> str:
    """The text's first and last Han characters (empty when it has none)."""
    han = _NOT_HAN.sub("", text)
    return han[:1] + han[-1:] if han else ""


def _joined_codes(texts: list[str]) -> frozenset[int]:
    """``_bigram_codes("".join(texts))`` from each text's own (kept) pairs and the pairs
    across each join."""
    parts = [_bigram_codes(t) for t in texts]
    joins, last = [], ""
    for t in texts:
        ends = _han_ends(t)
        if ends:
            if last:
                joins.append(last + ends[0])
            last = ends[-1]
    parts.extend(map(_pair_codes, joins))
    return frozenset().union(*parts)


_COLUMN_TAG = re.compile(r"[（(][^（()）]{2,20}[）)]\s*$")


def similarity(title: str, lead: str) -> float:
    """Share of the headline's character bigrams found in the article's opening.

    A column tag such as （人民论坛） names the series, not the story, so it is left out.
    """
    t = _bigram_codes(_COLUMN_TAG.sub("", title.strip()))
    if not t:
        return 0.0
    return len(t & _bigram_codes(lead)) / len(t)


def lead_text(items: list[Item], size: int = 300) -> str:
    """An article's opening: its first paragraphs, up to ``size`` characters."""
    # An epigraph (quotations signed ——习近平) is not the story's lead: skip past it.
    for i, it in enumerate(items[:5]):
        if it.text.replace(" ", "").startswith(("——", "—")) and i + 1 < len(items):
            items = items[i + 1 :]
            break
    out = ""
    for it in items:
        out += it.text
        if len(out) >= size:
            break
    return out[:size]


def _ends_with_attribution(article: Article) -> bool:
    if not article.items:
        return False
    return article.items[-1].text.replace(" ", "").startswith(("——", "—"))


def _never_headline(text: str) -> bool:
    t = text.replace(" ", "")
    return is_label(t) or t.startswith(("——", "—"))


def _has_label(title: str) -> bool:
    head = title[:14]
    return "：" in head or ":" in head


def _marks_as_lines_read(lines: Sequence[Line], text: str, source: Sequence[int]) -> str:
    """``text`` with every mark its line reads otherwise (``Line.marks``) read so."""
    read: dict[int, str] = {}
    for ln in lines:
        read.update(ln.marks)
    if not read:
        return text
    return "".join(read.get(off, c) if not c.isspace() else c for c, off in zip(text, source))


def make_para_item(
    lines: list[Line],
    text: str,
    column: float,
    source: Sequence[int] | None = None,
    raw: Sequence[Line] | None = None,
) -> Item:
    """A paragraph of these lines; ``text`` its reflowed text, ``source`` the raw offset of each
    of its characters (``MappedText.source``). What the features read of it: ``ocr_read`` on a
    page whose marks OCR read half-width, and each mark its raw line reads otherwise
    (``Line.marks``, found by the character's raw offset, so the paragraph reads each mark as
    its line does). ``raw``: the raw lines, where ``lines`` are slices of them (a page of one
    line a paragraph, ``unwrapped._virtual``): a mark is read on the whole line, never on a slice."""
    if lines and lines[0].ocr & READ_HALF:
        text = ocr_read(text)  # what the features read (the paragraph's own text is its ``mapped``)
    if source is not None:
        text = _marks_as_lines_read(lines if raw is None else raw, text, source)
    return Item("para", lines, text=text, column=column, byline=is_byline(text))
