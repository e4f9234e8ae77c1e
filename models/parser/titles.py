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
#: Page furniture printed in a page's margin and read by OCR as a line of text: the page
#: number alone (3, — 3 —, 第3版), a running header with the page's date and weekday
#: (2020年2月7日 星期五 第10版), with the paper's name and the date (人民日报 2020年2月7日: a
#: date alone closes a notice) or with the page's number and section (10 要闻, 第10版：要闻).
FOLIO = re.compile(
    r"^[-—–－\s]*\d{1,3}[-—–－\s]*$"
    r"|^第\s*\d{1,3}\s*版|第\s*\d{1,3}\s*版$"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]"
    r"|[报刊讯]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
    r"|^\d{1,3}\s+[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{2,4}\s+\d{1,3}$"
)
#: Longer than this, a line is text, not furniture.
FOLIO_CHARS = 32


_NAMES = re.compile(r"^[\u4e00-\u9fff·]{1,4}$")


def is_folio(text: str) -> bool:
    """Page furniture (``FOLIO``): a page number or a running header, with no sentence in it."""
    s = text.strip()
    return (
        0 < len(s) <= FOLIO_CHARS
        and not any(c in "，。；！？、“”" for c in s)
        and bool(FOLIO.search(s))
    )


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


def _label_split(row: list[Line]) -> dict[str, MappedText] | None:
    """``苏家作乡：突破常规促发展`` on one line: a unit label as kicker, the rest as heading."""
    text = title_text(row)
    m = re.match(r"^([^：:，。]{2,10}[：:])\s*(\S.{3,})$", text.text)
    if not m:
        return None
    cut = m.end(1)
    rest = text.slice(cut).strip()
    return {"kicker": text.slice(0, cut), "heading": rest}
