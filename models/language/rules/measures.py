"""Measure words and the endings of counted compounds: 只 zhī, 载 zǎi, 处 chù, 率 lǜ.

After a numeral 只 is the measure word zhī (五只), 载 a year zǎi (三年零五载) and 处 a place
chù (132处文物); 率 ending a compound the tables lack is a rate, lǜ (治愈率, 出勤率).
"""

from __future__ import annotations

from models.language.phrase_table import is_han
from models.language.rules.context import COUNTERS, FUNCTION_CHARS, NAME_BOUNDARIES, Rule, Spot, tag


def _zhi(s: Spot) -> str | None:
    """只 after a numeral: the measure word zhī (五只)."""
    if s.before and (s.before in COUNTERS or s.before == "余"):
        return "zhī"
    return None


def _zai(s: Spot) -> str | None:
    """载 standing alone after a numeral: zǎi, a year."""
    if s.alone and s.before and s.before in COUNTERS:
        return "zǎi"  # a year: 三年零五载, 千载
    return None


def _chu(s: Spot) -> str | None:
    """处 standing alone after a numeral, a measure or 之: chù, a place."""
    if s.alone and (s.before in COUNTERS or s.before in "余多之" or tag(s.prev).startswith(("m", "q"))):
        return "chù"  # a place, or its measure word: 132处文物, 40厘米处, 受病之处
    return None


def _lv(s: Spot) -> str | None:
    """率 ending a compound the tables lack, before a break or a predicate: lǜ, a rate."""
    if (
        s.alone
        and is_han(s.before)
        and (s.before not in FUNCTION_CHARS or len(s.prev) >= 2)  # 参与率, not 与率
    ):
        nxt = s.next
        if (
            not nxt
            or nxt[0] in NAME_BOUNDARIES
            or nxt[0] in "和与及的为达是在超由从"
            or tag(nxt)[:1] in "vdpcua"
        ):
            return "lǜ"  # a rate, ending a compound the tables lack (治愈率、, 出勤率很高)
    return None


#: The rule for each measure word.
RULES: dict[str, Rule] = {"只": _zhi, "载": _zai, "处": _chu, "率": _lv}
