"""The grammar particles 的, 了, 着, 地, 得: when each is the light particle and when a full word.

的 standing alone is the particle de; 地 between an adverbial word and a verb is de
(积极地参加); 得 right after a verb or adjective is the complement marker de (跑得快), before
a verb after a subject it is the modal děi (我们得抓紧); 着 after a verb is zhe, but after
不/得 in a potential complement it is zháo (睡不着); 了 standing alone is le, but liǎo after
不 (受不了).
"""

from __future__ import annotations

from models.language.phrase_table import is_han
from models.language.rules.context import (
    CLAUSE_OPENERS,
    DEGREE_WORDS,
    Rule,
    Spot,
    starts_with_verb,
    tag,
)

#: Tags (jieba's) of words that can stand before adverbial 地: adjectives, adverbs, idioms, descriptives.
_ADVERBIAL_TAGS = ("a", "ad", "an", "d", "z", "i", "l", "zg", "ag", "dg")

#: Prepositions and markers that can open the verb phrase after adverbial 地 (积极地向…学习).
_AFTER_ADVERBIAL = set("向对与和跟从在为给往把被将朝")

#: Words after which 得 + verb is the modal děi (must): subjects and adverbs.
_MODAL_SUBJECTS = {
    "却",
    "只",
    "只好",
    "只能",
    "又",
    "我",
    "你",
    "他",
    "她",
    "我们",
    "你们",
    "他们",
    "咱们",
    "大家",
    "还",
    "就",
    "都",
    "也",
    "总",
    "必须",
    "非",
}

#: Complements of a potential verb form: V得上, V得了, V得起 (and V不上…).
_POTENTIAL_COMPLEMENTS = set("上下到了起住出过来去完动清见着")

#: Last characters of words before which 地 is a place, not the adverbial de.
_PLACE_BEFORE_DI = set("等各多本外两该此全异当内入出何某每亩一产基腹田土就")

#: Closing quotation marks (a word in scare quotes is still the word before what follows).
_CLOSING_QUOTES = set("”’」』")


def _is_reduplicated(word: str) -> bool:
    """AA, AABB or ABAB words (慢慢, 高高兴兴, 研究研究): adverbial before 地."""
    n = len(word)
    if n == 2:
        return word[0] == word[1]
    if n == 4:
        return (word[0] == word[1] and word[2] == word[3]) or word[:2] == word[2:]
    return False


def _de_possessive(s: Spot) -> str | None:
    """的 standing alone is the particle de."""
    return "de" if s.alone else None


def _le(s: Spot) -> str | None:
    """了: le after a verb, liǎo in a potential complement (受不了, 开心得不得了)."""
    text = s.ctx.text
    if s.before == "不" and s.before2.strip():
        return "liǎo"
    third = text[s.pos - 3] if s.pos > 2 else ""
    if (
        s.before2 + s.before == "不得"
        and not s.after.strip("，。！？；、”")
        and (third == "得" or not is_han(third))
    ):
        return "liǎo"  # 不得了 ending a clause: 开心得不得了 (not 顾不得了)

    if s.alone:
        if s.prev == "得" and tag(s.ctx.neighbour(s.k - 1, -1)).startswith("v"):
            return "liǎo"
        return "le"
    return None


def _zhe(s: Spot) -> str | None:
    """着: zháo in a potential complement (睡不着), zhe after a verb or adjective."""
    if s.before in "不得" and s.before2.strip() and not s.after == "呢":
        return "zháo"
    if s.alone and tag(s.prev).startswith(("v", "a")):
        return "zhe"
    return None


def _di(s: Spot) -> str | None:
    """地 standing alone: the adverbial de between a word of manner and a verb, else undecided."""
    if not s.alone:
        return None
    prev, nxt = s.prev, s.next
    if not prev or not is_han(prev[-1]):
        return None
    manner = tag(prev) in _ADVERBIAL_TAGS or _is_reduplicated(prev) or prev.endswith(("然", "般", "样"))
    # A place is 地 dì after a number, a measure, a locative or a list's 等 (多地, 等地,
    # 流入地, 每亩地); any other word of two or more characters before a verb is the
    # manner of the verb (担心地问, 有规律地工作, 发自内心地尊敬).
    # A word of manner of two characters or more keeps its de whatever its last character
    # (完全地, 安全地), but not a one-character adverb (就地 jiùdì).
    by_char = prev[-1] in _PLACE_BEFORE_DI and not (manner and len(prev) >= 2)
    place = tag(prev).startswith(("m", "q", "f", "s")) or by_char
    verb_next = starts_with_verb(nxt) or nxt[:1] in _AFTER_ADVERBIAL
    if verb_next and not place and (manner or len(prev) >= 2):
        return "de"
    if manner and tag(nxt).startswith(("a", "d")):
        return "de"  # 好好地平安度过
    return None


def _de_complement(s: Spot) -> str | None:
    """得: the complement marker de, the modal děi (must) or the verb dé (get)."""
    ctx, k = s.ctx, s.k
    if s.alone:
        prev, nxt = s.prev, s.next
        if prev in _CLOSING_QUOTES and k > 1:
            prev = ctx.neighbour(k - 1, -1)  # a verb in scare quotes: “跑”得更快
        opens = not prev or prev[-1] in CLAUSE_OPENERS or prev[-1] in "“「"
        if (prev in _MODAL_SUBJECTS or opens) and (starts_with_verb(nxt) or tag(nxt).startswith("d")):
            return "děi"  # must: 我们得抓紧, ，得保养, “得先做个示范
        if nxt == "了" or not nxt or nxt[0] in CLAUSE_OPENERS:
            return "dé"  # got: 得了病; gained: 劳有所得
        if prev and is_han(prev[-1]) and (len(prev) == 1 or tag(prev).startswith(("v", "a"))):
            return "de"  # the complement marker after a verb or adjective: 过得好, 跑得快
        if (
            prev
            and is_han(prev[-1])
            and not tag(prev).startswith(("v", "a", "z", "i", "l"))
            and (starts_with_verb(nxt) or tag(nxt).startswith("m"))
        ):
            return "děi"  # a subject or an adverb, then must + verb or amount: 政策得兜底, 至少得花
        if prev and is_han(prev[-1]) and (nxt in DEGREE_WORDS or tag(nxt).startswith(("d", "a", "z"))):
            return "de"  # …before a degree word or an adjective: 天亮得有些晚
        return None
    if not s.first and is_han(s.before):
        if s.last or s.after in _POTENTIAL_COMPLEMENTS:
            return "de"  # inside a word the tables lack: 聊得, 顾得上
    return None


#: The rule for each particle.
RULES: dict[str, Rule] = {
    "的": _de_possessive,
    "了": _le,
    "着": _zhe,
    "地": _di,
    "得": _de_complement,
}
