"""Guessing an issue's paper and date and a page's number from file and folder names.

Names of scanned newspapers follow a few habits: a date (``2020-02-12``, ``20200212``,
``2020年2月12日``, ``2016-11``), a page number (``第3版``, ``03版``, ``page-3``, ``p03``,
``A03``) and the paper's name or its pinyin initials (``rmrb``). Whatever is not
recognised is left unknown rather than guessed wildly; the user can edit it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

#: Pinyin initials newspaper archives use in file names.
PAPER_INITIALS = {
    "rmrb": "人民日报",
    "gmrb": "光明日报",
    "jjrb": "经济日报",
    "jfjb": "解放军报",
    "zgqnb": "中国青年报",
    "bjrb": "北京日报",
    "jfrb": "解放日报",
    "nfrb": "南方日报",
}

_YEAR = r"(?P<y>19\d\d|20\d\d)"
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


# Compiled when first used, not on import: a page file opened at start-up guesses from its name,
# and a name without a digit or 版 needs only the noise words (issue 11: ~3 ms of CPU).
@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    return (
        # 2020年2月12日, 2020-02-12, 2020_2_12, 2020.02.12, 2020/02/12
        re.compile(_YEAR + r"\s*[-_./年]\s*(?P<m>\d{1,2})\s*[-_./月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"),
        # 20200212
        re.compile(r"(?<!\d)" + _YEAR + r"(?P<m>\d\d)(?P<d>\d\d)(?!\d)"),
        # 2016-11, 2016年11月
        re.compile(r"(?<!\d)" + _YEAR + r"\s*[-_./年]\s*(?P<m>\d{1,2})(?!\d)\s*月?"),
    )


@cache
def _page_patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(r"第\s*(?P<n>\d{1,3}|[〇零一二两三四五六七八九十]{1,3})\s*版"),
        re.compile(r"(?<!\d)(?P<n>\d{1,3})\s*版"),
        re.compile(r"(?<![A-Za-z])(?:page|pg|p|ban|b)[-_ ]?0*(?P<n>\d{1,3})(?!\d)", re.IGNORECASE),
        # Section-lettered pages: A03, B12.
        re.compile(r"(?<![A-Za-z])[A-H](?P<n>\d{1,2})(?!\d)"),
    )


@cache
def _trailing_number() -> re.Pattern[str]:
    return re.compile(r"(?:^|[-_ .])0*(?P<n>\d{1,3})$")


@cache
def _noise_words() -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![A-Za-z])(?:page|pages|pg|ban|scan|ocr|txt)(?![A-Za-z])|第|版")


def _may_hold_date_or_number(text: str) -> bool:
    """Whether any date or page pattern can match: each needs a digit (``\\d``: any Unicode
    decimal digit) or, for 第三版, the character 版."""
    return "版" in text or any(ch.isdecimal() for ch in text)


_SEPARATORS = " -_.,()（）[]【】"


class NameGuess(NamedTuple):
    """What a name tells about an issue and a page; ``None`` where it tells nothing."""

    paper: str | None = None
    date: str | None = None
    number: int | None = None


def _number(text: str) -> int | None:
    """A page number in Arabic (``03``) or Chinese (``十二``) numerals, 0-99."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
        return value
    digits = [_CN_DIGITS.get(ch) for ch in text]
    return None if None in digits or not digits else int("".join(str(d) for d in digits))


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first plausible date in ``text`` as ISO text, and the span it was found at."""
    if not _may_hold_date_or_number(text):
        return None
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            year, month = int(match["y"]), int(match["m"])
            day = int(match["d"]) if "d" in match.groupdict() and match["d"] else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
            return iso, match.span()
    return None


def guess_from_name(name: str) -> NameGuess:
    """Guess paper, date and page number from a file or folder name (without extension)."""
    rest = name
    date = None
    found = find_date(rest)
    if found:
        date, (start, end) = found
        rest = rest[:start] + " " + rest[end:]
    number = None
    for pattern in _page_patterns() if _may_hold_date_or_number(rest) else ():
        match = pattern.search(rest)
        if match:
            number = _number(match["n"])
            rest = rest[: match.start()] + " " + rest[match.end() :]
            break
    else:
        stripped = rest.strip(_SEPARATORS)
        match = _trailing_number().search(stripped) if _may_hold_date_or_number(stripped) else None
        # "scan 12", "rmrb20200212_03": a number after a word or a date; "2020-13-45" is no page.
        if match and (date is not None or re.search(r"[^\W\d_]", rest[: match.start()])):
            number = int(match["n"])
            rest = stripped[: match.start()]
    paper = _noise_words().sub(" ", rest)
    paper = re.sub(r"\d+", " ", paper)
    paper = " ".join(paper.replace("_", " ").replace("-", " ").split()).strip(_SEPARATORS)
    if len(paper) < 2:
        paper = ""
    if paper.lower() in PAPER_INITIALS:
        paper = PAPER_INITIALS[paper.lower()]
    elif paper.isascii() and date is None:
        # A bare Latin word ("scans", "pages-dev") is more often a folder's purpose than a
        # paper; beside a date ("jiaozuo-2016-11") it is the paper's name in pinyin.
        paper = ""
    return NameGuess(paper=paper or None, date=date, number=number)


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``page-2`` before ``page-10`` (digits compare as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", name)
    )
