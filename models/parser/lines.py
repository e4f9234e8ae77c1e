"""Lines of an OCR'd page and what can be told about each on its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Punctuation that ends a sentence; closing quotes/brackets may follow it.
SENTENCE_END = "。！？!?…；"
CLOSERS = "”’」』）)》】\"'"
OPENERS = "“‘「『（(《【"
#: Punctuation that may hang past the column edge at a line end (so it adds no width).
HANGING = set("，。、；：？！”’）》」』…,.;:?!")


def is_cjk(ch: str) -> bool:
    """Han characters (all extensions), CJK punctuation and full-width forms."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x2014 <= cp <= 0x2026  # — ‘ ’ “ ” …
        or 0x3000 <= cp <= 0x303F
    )


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (。！？… or ；), allowing closing quotes after it."""
    s = text.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1].rstrip()  # a letter-spaced line has spaces between the marks too
    if s.endswith(".") and len(s) >= 2 and s[-2].isascii() and s[-2].isalpha():
        return True  # a Latin sentence (not a decimal point)
    return bool(s) and s[-1] in SENTENCE_END


#: OCR's half-width reading of a full-width mark, and the mark it stands for in Han text.
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。", "o": "。"}
#: Chinese numerals: an o beside one is a 〇 OCR read so (二o一六年), not a full stop.
CN_NUMERALS = set("〇零一二三四五六七八九十百千")
#: A line that may hold such a reading (most lines hold none: read as they are).
_HALF = re.compile('[,:;!?().o"]')
#: Marks before which a quotation has closed (a straight quote there is ”).
_AFTER_CLOSE = set("，。、；：！？）》…—”,.;:!?)")


def _cjk_side(ch: str) -> bool:
    return bool(ch) and not ch.isascii() and is_cjk(ch)


def ocr_read(text: str) -> str:
    """The text as the parser's features read it: a half-width mark that OCR read for a
    full-width one inside Han text (，。：；！？（）“” read as , . : ; ! ? ( ) \", a full stop
    read as a small o) is read as the full-width mark, one character for one, so every
    offset stays as it is. A mark between two ASCII letters or digits (3.5, 10:30, a,b) or
    with no CJK character beside it (Latin text) stays as it is. Only what the features
    read: the page's text and what the parser shows of it keep the characters as OCR read them."""
    if _HALF.search(text) is None:
        return text
    chars = list(text)
    n = len(chars)
    opened = False  # a straight quote opened on this line and not yet closed
    for i, c in enumerate(chars):
        if c not in _FULL and c != '"':
            if c == "“":
                opened = True
            elif c == "”":
                opened = False
            continue
        j = i - 1
        while j >= 0 and chars[j] in " \t":
            j -= 1
        k = i + 1
        while k < n and text[k] in " \t":
            k += 1
        before = chars[j] if j >= 0 else ""
        after = text[k] if k < n else ""
        if c == '"':
            if not (_cjk_side(before) or _cjk_side(after)) and before and after:
                continue
            if not before:
                opens = True  # a line's first mark
            elif not after:
                opens = before in "：:，,"  # a line's last mark opens only after a colon or comma
            elif after in _AFTER_CLOSE or opened:
                opens = False
            else:
                opens = True
            chars[i] = "“" if opens else "”"
            opened = opens
            continue
        if before.isascii() and before.isalnum() and (after.isascii() and after.isalnum() or c in ".o"):
            continue  # 3.5, 10:30, a list's 1. or a Latin word's letter
        if c == "o":
            # A small o is a full stop only after Han text, where a sentence may end; beside a
            # Chinese numeral it is the 〇 of a number OCR read as o (二o一六年), left as it is.
            if not (_cjk_side(before) and (not after or after.isspace() or _cjk_side(after))):
                continue
            if before in CN_NUMERALS or after in CN_NUMERALS:
                continue
        elif not (_cjk_side(before) or _cjk_side(after)):
            continue
        chars[i] = _FULL[c]
    return "".join(chars)


def column_width(text: str, letter_spaced: bool | None = None, free_gaps: bool = False) -> float:
    """The width a line takes in its column, in Chinese characters.

    ASCII letters, digits and the OCR spaces around them are half-width; a punctuation
    mark at the line end may hang past the column edge, so it is not counted; the
    spaces of a letter-spaced (justified) line are not counted either.
    """
    s = text.strip()
    if is_letter_spaced(s) if letter_spaced is None else letter_spaced:
        s = "".join(s.split())
    if s and s[-1] in HANGING:
        s = s[:-1]
    # ASCII (spaces too) counts a half, other white space nothing, the rest one.
    ascii_n = len(s.encode("ascii", "ignore"))
    if ascii_n == len(s):
        return 0.5 * ascii_n
    # ``free_gaps`` (a page with OCR's stray spaces): a space between two CJK characters takes
    # no room, their glyphs standing on the column's grid whatever the gap between them looked like.
    between = sum(len(m) for m in _CJK_GAP.findall(s)) if free_gaps and " " in s else 0
    return float(len(s) - ascii_n) - len(_WIDE_SPACE.findall(s)) + 0.5 * (ascii_n - between)


#: White space outside ASCII (the ideographic space, the no-break space…): no width.
_WIDE_SPACES = tuple(c for c in map(chr, range(128, 0x3001)) if c.isspace())
#: Any one of them (one regex pass counts them all).
_WIDE_SPACE = re.compile("[" + "".join(_WIDE_SPACES) + "]")
_CJK = "\u2014-\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
#: ASCII spaces with a CJK character on both sides, but for the gap a paper prints after a
#: dateline (本报北京2月12日电 （记者…）, 本报讯 …) or a byline's role (本报记者 韩俊杰, 通讯员 …,
#: 实习生 …), which OCR reads as a space and which takes room.
_CJK_GAP = re.compile(f"(?<=[{_CJK}])(?<![电讯者员生]) +(?=[{_CJK}])")


def is_letter_spaced(text: str) -> bool:
    """A line spread out by justification: a space between (nearly) every character."""
    s = text.strip()
    if " " not in s:
        return False  # no space between characters at all
    chars = [c for c in s if not c.isspace()]
    if len(chars) < 4:
        return False
    singles = sum(1 for a, b, c in zip(s, s[1:], s[2:]) if b == " " and a != " " and c != " ")
    return singles >= 0.7 * (len(chars) - 1)


class measured_once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every
    read until the value is kept): the first read computes the value and keeps it in the
    instance, where later reads find it without calling anything."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


#: How a page's lines are read (``Line.ocr``, from ``page_noise``): half-width marks read as
#: the full-width ones (``ocr_read``); spaces between CJK characters taking no room.
READ_HALF = 1
FREE_GAPS = 2
#: Marks OCR read half-width beside a CJK character, and the full-width marks.
_HALF_BESIDE_CJK = re.compile(f'(?<=[{_CJK}]) *[,.:;!?()"]|[,:;!?()"] *(?=[{_CJK}])')
_FULL_MARKS = re.compile("[，。：；！？（）“”]")


def page_noise(raw: str, lines: list[str]) -> int:
    """Which of OCR's noises the page shows (``READ_HALF`` | ``FREE_GAPS``), so that its lines
    are read through them: half-width marks beside CJK characters making a tenth or more of the
    page's marks (a clean page holds a few, in headlines' (今日谈) tags; an OCR engine that reads
    them half-width reads most so), and stray spaces between CJK characters on a tenth or more of
    its lines (a clean page has them in a few headlines, bylines and signatures). A clean page
    is read as it always was."""
    out = 0
    half = len(_HALF_BESIDE_CJK.findall(raw))
    if half >= 3 and half >= 0.1 * (half + len(_FULL_MARKS.findall(raw))):
        out |= READ_HALF
    if " " in raw:
        text = [t for t in lines if t.strip()]
        gaps = sum(1 for t in text if " " in t and _CJK_GAP.search(t.strip()) and not is_letter_spaced(t))
        if gaps >= 3 and gaps >= 0.1 * len(text):
            out |= FREE_GAPS
    return out


#: A 〈 that a ） or ) closes later on its line, no bracket opened or closed between: the （ OCR
#: read as 〈 (a 〈 is closed by 〉; Tesseract reads （ so three times in four). Not where what it
#: holds is two numbers and a comma (〈0,1), 〈-1, 2.5)): a half-open interval, as clean text writes
#: one (an item's number, 〈2), is still read as （2)).
_ANGLE = re.compile(r"〈(?!\s*[-+−]?[\d.]+\s*[,，]\s*[-+−]?[\d.]+\s*[）)])(?=[^〈〉（(）)]*[）)])")
#: A number's digits (Han or Arabic) and Latin letters: a hyphen with one on its other side is a range,
#: a score or a code (一-三季度, 二-一, A-一), not a dash (so a kicker that ends in one, 之四——, read
#: 之四-一, is left as read: a line cannot tell it from a score).
_NUMERAL = r"〇零一二三四五六七八九十两0-9０-９A-Za-z"
#: A dash (——) that OCR read as a 一 and a hyphen: 一- (or 一 -) opening a line before text, -一
#: (or - 一) closing a line after text: where a subheading or a signature (——…) and a kicker (…——)
#: print it. What clean text writes there is left alone: a line that opens with a hyphen is a bullet
#: (- 一是…), a line that closes with one a word split at the line's end (统一-), and a hyphen with a
#: numeral or a Latin letter or digit on its other side a range or a score (一-三季度, 二-一).
_DASH_START = re.compile(r"^\s*(一 ?-)(?=[^\s\-一" + _NUMERAL + r"])")
_DASH_END = re.compile(r"(?<=[^\s\-一" + _NUMERAL + r"])(- ?一)\s*$")


def read_marks(text: str) -> str:
    """What OCR made of two marks, read as the marks, one character for one (offsets stay; the
    raw text and what the parser shows keep what OCR read): a 〈 closed by ） or ) on its line
    (``_ANGLE``) is （; a dash read as 一- opening a line or -一 closing one (``_DASH_START``,
    ``_DASH_END``) is ——. Neither is what a clean page prints (no clean dev page holds either;
    the bullets, ranges and word splits clean text writes with a hyphen beside a 一 are left
    alone), so a clean page reads as it did; no page gate."""
    if "〈" in text:
        text = _ANGLE.sub("（", text)
    if "-" in text:
        for pat in (_DASH_START, _DASH_END):
            m = pat.search(text)
            if m is not None:
                a, b = m.span(1)
                text = text[:a] + "".join(" " if c == " " else "—" for c in text[a:b]) + text[b:]
    return text


@dataclass
class Line:
    """One line of the raw text: [start, end) in code points, without its line break; ``ocr``:
    how the page's noise is read (``page_noise``)."""

    index: int
    start: int
    end: int
    text: str
    ocr: int = 0

    # Measured once: the parser asks for these many times.
    @measured_once
    def stripped(self) -> str:
        """The line without its outer white space, as the features read it (``ocr_read`` on a
        page whose marks OCR read half-width)."""
        return as_read(self.text, self.ocr).strip()

    @measured_once
    def blank(self) -> bool:
        return not self.text.strip()

    @measured_once
    def marks(self) -> dict[int, str]:
        """Each mark this line reads otherwise (``read_marks``), by its raw offset: what a
        paragraph of the line reads there."""
        return _marks_read(self.text, self.ocr, self.start)[1]

    @measured_once
    def width(self) -> float:
        return column_width(as_read(self.text, self.ocr), self.letter_spaced, bool(self.ocr & FREE_GAPS))

    @measured_once
    def letter_spaced(self) -> bool:
        return is_letter_spaced(self.text)


def as_read(text: str, ocr: int) -> str:
    """A line's text as the features read it on a page of ``page_noise`` ``ocr``."""
    return _marks_read(text, ocr, 0)[0]


def _marks_read(text: str, ocr: int, start: int) -> tuple[str, dict[int, str]]:
    """``as_read``'s text, and each character ``read_marks`` read otherwise, by its offset
    (``start`` + its index): one reading serves the line's features and its paragraph's."""
    half = ocr_read(text) if ocr & READ_HALF else text
    read = read_marks(half)
    if read == half:
        return read, {}
    return read, {start + i: c for i, (c, h) in enumerate(zip(read, half)) if c != h}


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    texts = raw.split("\n")
    ocr = page_noise(raw, texts)
    for i, text in enumerate(texts):
        line = Line(i, pos, pos + len(text), text, ocr)
        # Read by every step: measured now (as ``stripped`` and ``blank`` would).
        read, line.marks = _marks_read(text, ocr, pos)
        line.stripped = stripped = read.strip()
        line.blank = not stripped
        lines.append(line)
        pos += len(text) + 1
    return lines
