"""为 standing alone: the copula and complement wéi (be, become, as) or the preposition wèi (for).

以人民为中心, 均为, 转化为, 图为… are wéi; 为人民服务, 能为他节省, ，为坚持… are wèi.
"""

from __future__ import annotations

from models.language.rules.context import CLAUSE_OPENERS, MODALS, Rule, Spot, starts_with_verb, tag

#: Adverbs of written Chinese after which 为 is the copula wéi (均为, 皆为, 多为).
_COPULA_ADVERBS = {
    "均",
    "皆",
    "即",
    "实",
    "多",
    "仍",
    "亦",
    "乃",
    "尚",
    "则",
    "最",
    "较",
    "已",
    "确",
    "原",
    "本",
    "现",
}

#: Words after 为 that make it the copula wéi although jieba may tag them as verbs.
_WEI_OBJECTS = {"主", "例", "宜", "准", "止", "由", "限", "难", "先", "重", "荣", "伍", "生"}

#: Last characters of verbs that take 为 as their complement (转化为, 认定为, 比喻为, 改为).
_TAKES_WEI = set("化变成作定改评选分视称列划译誉奉尊拜聘任设升归并喻充")

#: Verbs of turning and naming that take an object, then 为 + what it becomes (化危为机).
_MAKE_INTO = {
    "化",
    "变",
    "转",
    "改",
    "视",
    "奉",
    "尊",
    "拜",
    "立",
    "任命",
    "命名",
    "聘",
    "聘请",
    "推举",
    "选举",
    "称",
}

#: Words before 为 in a newspaper's captions and bylines, where it is wéi (图为, 作者为).
_CAPTION_WORDS = {"图", "上图", "下图", "左图", "右图", "作者", "本版", "题图"}


def _wei(s: Spot) -> str | None:
    """为 standing alone: wéi (be, become, as) or wèi (for, for the sake of)."""
    if not s.alone:
        return None
    ctx, k = s.ctx, s.k
    prev, nxt = s.prev, s.next
    if "以" in ctx.words[ctx.phrase_start(k) : k] and (nxt in _WEI_OBJECTS or not starts_with_verb(nxt)):
        return "wéi"  # 以…为…: take … as … (以人民为中心), not 以…态度为挽救…
    before = ctx.words[ctx.phrase_start(k) : k]
    if any(w in _MAKE_INTO for w in before[-3:]) and not starts_with_verb(nxt) and nxt != "的":
        return "wéi"  # turn X into Y: 化危为机, 变压力为动力
    if prev in _COPULA_ADVERBS:
        return "wéi"  # literary copula after 均/皆/即/多…: 均为, 多为
    prev_tag = tag(prev)
    if prev in MODALS or prev[-1:] in ("能", "要", "会", "愿"):
        return "wèi"  # 能为他节省, 愿为…竭尽全力
    if prev_tag.startswith("v") and (len(prev) == 1 or prev[-1:] in _TAKES_WEI):
        return "wéi"  # a verb's complement: 转化为, 认定为, 比喻为
    if starts_with_verb(nxt) and nxt not in _WEI_OBJECTS:
        return "wèi"  # for the purpose of: 中国为抗击疫情采取的措施
    if nxt[:1].isdigit():
        return "wéi"  # is, before a figure: 入园率为83.5%
    if not prev or prev[-1] in CLAUSE_OPENERS or prev_tag.startswith(("d", "p", "c")) or prev == "正在":
        return "wèi"  # for, opening a phrase or after an adverb: ，为坚持…, 将为…提供
    if prev in _CAPTION_WORDS:
        return "wéi"  # a newspaper's caption or byline: 图为…, （作者为…）
    if any(starts_with_verb(w) for w in ctx.words[k + 2 : ctx.phrase_end(k + 1)][:4]):
        return "wèi"  # for someone, then the verb: 机构为一线医护人员提供
    return None


#: The rule for 为.
RULES: dict[str, Rule] = {"为": _wei}
