"""Title-like text on a page: headings, kickers, subheadings, bylines, credits, mastheads."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from models.parser.lines import Line, ends_sentence
from models.parser.reflow import title_text
from models.text import MappedText

#: Lines that name the reporter: 本报记者 付凯明, 记者 张三, 通讯员 李四, 实习生 王五.
BYLINE = re.compile(
    r"^[（(]?\s*(本报记者|本报通讯员|本报特约记者|特约记者|记者|通讯员|实习生|新华社记者)\s*\S"
)
#: Lines that credit a photo or a layout: … 摄, 新华社发, （影像中国）, 版式设计：…
CREDIT = re.compile(
    r"(摄\s*(影|影报道)?\s*([（(][^（()）]{2,8}[）)])?|新华社发|供图|制图|[（(](影像中国|人民视觉|新华社发)[）)])\s*$"
    r"|^(版式设计|责任编辑|图片编辑)\s*[：:]"
)
#: A dateline opening an article: 本报北京2月12日电, 新华社北京2月1日电, 本报讯.
DATELINE = re.compile(r"^\s*(本报讯|(据)?(本报|新华社|中新社)\s*\S{0,12}?\s*\d*\s*月?\s*\d*\s*日\s*电)")
#: Masthead lines: a paper's or an edition's name, or a page banner.
MASTHEAD = re.compile(
    r"(日报|晚报|早报|时报|周刊|报|示范区|新闻|第\s*\d+\s*版|\d+\s*年\s*\d+\s*月\s*\d+\s*日)$"
)
_OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "『": "』"}
#: Page furniture printed in a page's margin and read by OCR as a line of text (a page number,
#: a running header, a page's credit line) is told by several signals at once (``folio_score``),
#: not by one pattern a shape: each signal is a kind of thing furniture holds and a sentence
#: seldom does. A date (2020年2月7日, 2020.02.07, 2020/2/7, 二〇二〇年二月七日).
_DATE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*(?:年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日|[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}(?!\d))"
)
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
#: A page or edition: 第3版, 第3页, 共8页, A3, B02版, 3/24, Page 3.
_PAGE = re.compile(
    r"第\s*[\d一二三四五六七八九十]{1,3}\s*[版页]|共\s*\d{1,3}\s*[版页]"
    r"|(?<![A-Za-z\d])[A-H]\s*\d{1,2}(?![\d:.])(?:\s*版)?|(?<![\d.])\d{1,3}\s*/\s*\d{1,3}(?![\d/])"
    r"|[Pp]age\s*\d{1,3}"
)
#: A bare number (a page's number) — unless a unit or measure word follows it, as in a body line
#: in the pages' digit-spacing style (6 日以来, 28 日电, 3 个): that is text.
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?![\d.])")
_UNITS = "日月年时点分秒号名个位人家户万亿千百元岁条项次件天周期届批辆台米倍成%％"
#: A page's or a section's credit: 责任编辑：张三, 本版责编：李四, 版式设计：王五.
_CREDIT = re.compile(r"^(?:本版)?(?:责任编辑|责编|版式设计|美术编辑|美编|图片编辑|校对)\s*[：:]")
#: A paper's name: …日报, …晚报, …都市报, …电讯, …周刊 (three characters or more).
_PAPER = re.compile(
    r"[\u4e00-\u9fff]{1,6}(?:日报|晚报|早报|时报|商报|青年报|都市报|电讯|周刊)|[\u4e00-\u9fff]{2,5}报"
)
#: Section names papers print in a running header (a small list, as a reader knows them).
_SECTION = re.compile(
    r"(?:本地|国内|国际|综合|地方)?(?:要闻|综合|时政|政治|经济|财经|社会|国际|国内|评论|观点|理论|文化|副刊|体育|地方|"
    r"民生|法治|科技|教育|科教|健康|专版|专题|视点|新闻|读者|文艺|生活|三农|区县)(?:新闻|版|专版)?"
)
_SEPARATORS = re.compile(r"[\s|｜·•/:：,，\-—–－_]+")
#: Marks of a sentence: furniture holds none.
_SENTENCE_MARKS = set("，。；！？、“”,;!?")
#: Longer than this, a line is text, not furniture.
FOLIO_CHARS = 32
#: Han characters a running header may hold beyond what its signals name (an editor's name).
FOLIO_REST = 4


@lru_cache(maxsize=8192)
def folio_score(text: str, at_top: bool = True) -> int:
    """How many signals of page furniture the line shows (0 when it reads as text): a date, a
    weekday, a page or edition number, a section name, a paper's name, a credit (two at the
    page's top, where no article stands above it to own it; one at the bottom, where it closes
    the article above as the dev pages' 版式设计 lines do). A line that is a page number and
    nothing else (3, — 3 —, 第3版, A3, 3/24) scores 3. Text scores 0: sentence marks, longer than
    ``FOLIO_CHARS``, a number with a unit after it, or more than ``FOLIO_REST`` Han characters
    that no signal names."""
    s = text.strip()
    if not s or len(s) > FOLIO_CHARS or any(c in _SENTENCE_MARKS for c in s):
        return 0
    bare = _SEPARATORS.sub("", s)
    if bare.isdigit() and len(bare) <= 3 or _PAGE.fullmatch(bare) or _PAGE.fullmatch(s):
        return 3
    if re.fullmatch(r"第\s*\d{1,3}\s*页\s*共\s*\d{1,3}\s*页", s):
        return 3
    score = 0
    rest = s
    credit = _CREDIT.match(rest)
    if credit:
        score += 2 if at_top else 1
        rest = rest[credit.end() :]
    for pattern in (_DATE, _WEEKDAY, _PAGE, _PAPER, _SECTION):
        found = pattern.search(rest)
        if found:
            score += 1
            rest = pattern.sub(" ", rest)
    for m in _NUMBER.finditer(rest):
        after = rest[m.end() :].lstrip()
        if after and after[0] in _UNITS:
            return 0  # 6 日以来, 28 日电: a body line's digit and its unit
    if _NUMBER.search(rest):
        score += 1
        rest = _NUMBER.sub(" ", rest)
    if sum(1 for c in rest if "\u4e00" <= c <= "\u9fff") > FOLIO_REST:
        return 0
    return score


def is_folio(text: str, at_top: bool = True) -> bool:
    """Page furniture: two signals or more of ``folio_score`` (one alone — a date closing a
    notice, a numbered subheading's 1 坚持 — is text)."""
    return folio_score(text, at_top) >= 2


_NAMES = re.compile(r"^[\u4e00-\u9fff·]{1,4}$")


@lru_cache(maxsize=8192)
def is_byline(text: str) -> bool:
    """A reporter's line: a role (本报记者, 通讯员…) followed by names and nothing else."""
    s = text.strip()
    m = BYLINE.match(s)
    if not m or _unbalanced(s):
        return False
    rest = re.sub(r"(本报记者|本报通讯员|通讯员|实习生|记者)", " ", s[m.end(1) :]).strip(" （）()")
    tokens = [t for t in re.split(r"[\s、]+", rest) if t]
    # Names are two to four characters; a longer run is a sentence about a reporter.
    return (
        bool(tokens)
        and all(_NAMES.match(t) or len(t) == 1 for t in tokens)
        and all(len(t) <= 4 for t in tokens)
    )


@lru_cache(maxsize=8192)
def is_credit(text: str) -> bool:
    s = text.strip()
    return len(s) <= 40 and bool(CREDIT.search(s))


def starts_with_dateline(text: str) -> bool:
    return bool(DATELINE.match(text.strip()))


def _unbalanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _OPENERS.values():
            depth -= 1
    return depth > 0


def is_note(text: str) -> bool:
    """A bracketed note closing an article: （李英姿参与采写）, （本报柏林2月11日电）, （作者为…）."""
    s = text.strip()
    return len(s) >= 4 and s[0] in "（(" and s[-1] in "）)"


_CLOSING = re.compile(r"(电|报道|采写|记者|撰稿|整理|供稿)\s*[）)]$|^[（(]\s*(本报|新华社|记者|据|作者)")


@lru_cache(maxsize=8192)
def is_closing_note(text: str) -> bool:
    """A note that ends an article: （本报柏林2月11日电）, （综合本报记者…报道）, （李英姿参与采写）."""
    s = text.strip()
    return is_note(s) and bool(_CLOSING.search(s))


#: Standing labels a paper sets over part of an article: not headlines.
LABELS = (
    "核心阅读",
    "编者的话",
    "编者按",
    "记者手记",
    "记者观察",
    "相关链接",
    "链接",
    "背景链接",
    "短评",
    "延伸阅读",
)


def is_label(text: str) -> bool:
    return "".join(text.split()).strip("：:【】[]") in LABELS


def is_title_line(text: str) -> bool:
    """Could this line be (part of) a heading? Headings end no sentence and carry no dateline."""
    s = text.strip()
    if not s or ends_sentence(s) or starts_with_dateline(s) or is_credit(s) or is_note(s):
        return False
    return len("".join(s.split())) <= 60


def _latin_break(before: str, after: str) -> bool:
    return (
        bool(before)
        and bool(after)
        and before[-1].isascii()
        and before[-1].isalpha()
        and after[0].isascii()
        and after[0].isalpha()
    )


def split_title(lines: Sequence[Line]) -> dict[str, MappedText]:
    """Split a title unit's lines into kicker, heading and subheading.

    A line ending in —— or ： is a kicker (引题); a line starting with —— is a
    subheading; a line left inside an open quote or bracket continues on the next.
    """
    rows: list[list[Line]] = []
    for line in lines:
        if rows and _unbalanced("".join(x.stripped for x in rows[-1])):
            rows[-1].append(line)
        elif rows and line.stripped[:1] in "！？”’）》」』，。、":
            rows[-1].append(line)
        elif rows and _latin_break(rows[-1][-1].stripped, line.stripped):
            rows[-1].append(line)  # wrapped between two Latin words
        else:
            rows.append([line])
    parts: dict[str, list[list[Line]]] = {"kicker": [], "heading": [], "subheading": []}
    for i, row in enumerate(rows):
        text = "".join(x.stripped for x in row).replace(" ", "")
        if text.startswith(("——", "—", "--")) and parts["heading"]:
            parts["subheading"].append(row)
        elif text.endswith(("——", "—", "：", ":")) and i < len(rows) - 1 and not parts["heading"]:
            parts["kicker"].append(row)
        elif parts["heading"] and not parts["subheading"] and i == len(rows) - 1 and len(rows) >= 3:
            parts["subheading"].append(row)
        else:
            parts["heading"].append(row)
    # Two rows and no marker: the longer first row is the kicker (引题), as papers set it.
    if not parts["kicker"] and len(parts["heading"]) == 2 and not parts["subheading"]:
        first, second = parts["heading"]
        t1 = "".join(x.stripped for x in first)
        if not t1.endswith(("）", ")")):
            parts["kicker"], parts["heading"] = [first], [second]
    if len(rows) == 1 and not parts["kicker"]:
        split = _label_split(rows[0])
        if split:
            return split
    out: dict[str, MappedText] = {}
    for name, rs in parts.items():
        if rs:
            out[name] = MappedText.join(title_text(r) for r in rs)
    if "heading" not in out and "kicker" in out:
        out["heading"] = out.pop("kicker")
    return out


#: A label and a headline on one line (苏家作乡：突破常规促发展): the label with its colon, the rest.
LABEL_SPLIT = re.compile(r"^([^：:，。]{2,10}[：:])\s*(\S.{3,})$")


def _label_split(row: list[Line]) -> dict[str, MappedText] | None:
    """``苏家作乡：突破常规促发展`` on one line: a unit label as kicker, the rest as heading."""
    text = title_text(row)
    m = LABEL_SPLIT.match(text.text)
    if not m:
        return None
    cut = m.end(1)
    rest = text.slice(cut).strip()
    return {"kicker": text.slice(0, cut), "heading": rest}
