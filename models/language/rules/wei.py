"""为: the copula and complement wéi (be, become, as) or the preposition wèi (for), by word classes.

A verb or an adverb right before 为 makes it wéi, in one word or two: 成为, 评为, 视为, 被评 为,
转化 为, 更为, 均为. 以 X 为 Y is "take X as Y" (以人民为中心). Before a verb it is wèi (为人民服务). The classes are jieba's tags.
wèi (for) is left to the model: standing alone it is not told apart by word classes alone
(measured: ``tools/rule_precision.py``).
"""

from __future__ import annotations

from models.language.rules.context import MODALS, Rule, Spot, starts_with_verb, tag


def _wei(s: Spot) -> str | None:
    """为: wéi after a verb or an adverb and in 以…为; else no answer."""
    if not s.alone:
        if s.last and len(s.word) == 2 and tag(s.word[0]).startswith(("v", "d")):
            return "wéi"  # a verb's or an adverb's 为 in one word the tables lack: 评为, 更为
        return None
    ctx, k = s.ctx, s.k
    prev, nxt = s.prev, s.next
    if prev in MODALS or starts_with_verb(nxt):
        return None  # for, before what is done: 能为他节省 (wèi is left to the model)
    if "以" in ctx.words[ctx.phrase_start(k) : k]:
        return "wéi"  # 以…为…: take … as … (以人民为中心)
    if tag(prev).startswith("v"):
        return "wéi"  # a verb's complement: 被评 为 劳模, 转化 为 动力
    return None


#: The rule for 为.
RULES: dict[str, Rule] = {"为": _wei}
