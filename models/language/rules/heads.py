"""长 zhǎng, the head of an organisation, in a compound the tables lack (楼栋长, 校长 cut 学校/长).

After the last character of an organisation (校, 局, 村, 组, 队…), standing alone or ending a
word, 长 is the head (zhǎng), never "long" (cháng). Measured by ``tools/rule_precision.py``.
"""

from __future__ import annotations

from models.language.rules.context import Rule, Spot

#: Last characters of organisations whose head is a 长 zhǎng (校长, 局长, 组长, 楼栋长).
_ORGANISATIONS = set("校院局部所站处科组队厂社村镇县市省行团会室馆司栋楼班连营师军船厅委")


def _head_of(s: Spot) -> str | None:
    """长 after the last character of an organisation, standing alone or ending a word: zhǎng, its head."""
    if (s.alone or s.last) and s.before in _ORGANISATIONS:
        return "zhǎng"  # head of: 校长 cut 学校/长, 楼栋长
    return None


#: The rule for 长.
RULES: dict[str, Rule] = {"长": _head_of}
