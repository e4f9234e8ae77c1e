"""Characters whose adjective reading differs from their other ones: 薄, 累, 差, 少, 重, 长.

Alone and said of a thing they are adjectives (很薄 báo, 太累 lèi, 条件差 chà, 越来越少 shǎo,
任务重 zhòng, 时间不长 cháng); their other readings live in words (薄弱 bó, 累计 lěi, 差别 chā,
少年 shào, 重新 chóng) or come from what stands around them (一重 chóng, 校长 zhǎng).
"""

from __future__ import annotations

from models.language.phrase_table import is_han
from models.language.rules.context import (
    COUNTERS,
    DEGREE_WORDS,
    FUNCTION_CHARS,
    NAME_BOUNDARIES,
    Rule,
    Spot,
    starts_with_verb,
    tag,
)

#: Last characters of organisations whose head is a 长 zhǎng (校长, 局长, 组长, 楼栋长).
_ORGANISATIONS = set("校院局部所站处科组队厂社村镇县市省行团会室馆司栋楼班连营师军船厅委")


def _chang(s: Spot) -> str | None:
    """长: zhǎng, the head of an organisation or grows; cháng, long, after a degree word."""
    if (s.alone or s.last) and s.before in _ORGANISATIONS:
        return "zhǎng"  # head of: 校长 cut 学校/长, 楼栋长
    if s.alone and (s.before in DEGREE_WORDS or s.before in "较不过"):
        return "cháng"  # long, after a degree word: 时间不长, 病程较长
    if s.alone and s.after == "得":
        return "zhǎng"  # grows, looks: 长得快, 长得好
    return None


def _bao(s: Spot) -> str | None:
    """薄 standing alone after a degree word or ending a clause: báo, thin."""
    if s.alone:
        prev, nxt = s.prev, s.next
        if prev in DEGREE_WORDS or not nxt or nxt[0] in NAME_BOUNDARIES or nxt == "的":
            return "báo"  # thin, said of a thing: 底子薄，很薄的水膜 (bó lives in words: 薄弱, 单薄)
    return None


def _lei(s: Spot) -> str | None:
    """累 standing alone as a predicate or after 太/怕…: lèi, tired."""
    if s.alone:
        prev, nxt = s.prev, s.next
        tired_after = (
            not nxt or nxt[0] in NAME_BOUNDARIES or nxt in ("得", "了", "也", "都", "坏", "死", "垮")
        )
        if tired_after or prev in DEGREE_WORDS or prev in ("怕", "喊", "苦", "再", "太", "不怕", "辛苦"):
            return "lèi"  # tired: 他太累了, 不怕累, 累得坐在楼道 (lěi lives in words: 累计, 积累)
    return None


def _shao(s: Spot) -> str | None:
    """少: shǎo, few or less, unless inside a name the tables lack (郑少忠 shào)."""
    text = s.ctx.text
    if s.after == "不" and s.pos + 2 < len(text) and text[s.pos + 2] in "了得":
        return "shǎo"  # cannot do without: 少不了, 少不得
    if s.alone:
        prev, nxt = s.prev, s.next
        if starts_with_verb(nxt):
            return "shǎo"  # 少喝点, 能少跑点
        if all(len(w) == 1 and is_han(w) and w not in FUNCTION_CHARS for w in (prev, nxt)):
            return None  # inside a name the tables lack: 郑少忠, 任少波 (shào)
        return "shǎo"  # few, less: 知之甚少, 越来越少, 少喝点 (shào lives in words: 少年, 少将)
    return None


def _zhong(s: Spot) -> str | None:
    """重 standing alone: chóng, a layer, after a numeral; zhòng, heavy, as an adjective."""
    if not s.alone:
        return None
    prev, nxt = s.prev, s.next
    if prev[-1:] in COUNTERS:
        return "chóng"  # a layer: 多一重保护, 万千重
    if prev in DEGREE_WORDS or prev in ("较", "过", "偏", "严") or tag(nxt).startswith("n"):
        return "zhòng"  # heavy, serious, to value: 病情较重, 重情义
    if not nxt or nxt[0] in NAME_BOUNDARIES or nxt in ("的", "了"):
        return "zhòng"  # a predicate adjective: 任务重。碱性重；
    return None


def _cha(s: Spot) -> str | None:
    """差 standing alone after a Han character: chà, poor or short of; chāi, an errand."""
    if not (s.alone and is_han(s.before)):
        return None
    prev, nxt = s.prev, s.next
    if s.before == "趟":
        return "chāi"  # an errand: 出了趟差
    predicate = not nxt or nxt[0] in NAME_BOUNDARIES or nxt in ("的", "了", "得")
    if predicate or prev in DEGREE_WORDS or tag(prev).startswith("d"):
        # poor, short of: 条件差。 很差, 总差一步; a difference (身高差也…) is chā,
        # and chā lives in words the tables have (差别, 误差, 时差)
        return "chà"
    return None


#: The rule for each adjective.
RULES: dict[str, Rule] = {
    "长": _chang,
    "薄": _bao,
    "累": _lei,
    "少": _shao,
    "重": _zhong,
    "差": _cha,
}
