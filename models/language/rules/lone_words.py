"""Function words standing alone as words: 好, 都, 更, 给, 难, 没, 还 in their everyday reading.

Their other readings live inside words the tables know (爱好 hào, 首都 dū, 三更 gēng, 给予 jǐ,
灾难 nàn, 淹没 mò); alone they are good/well, all, more, give/for, hard, not, still. 还 is
huán, give back, before what is given back or with 了 (还钱, 还了钱).
"""

from __future__ import annotations

from models.language.rules.context import Rule, Spot
from models.language.rules.names import follows_title

#: Function words standing alone as words, in the reading they have as such.
_ALONE = {"好": "hǎo", "都": "dōu", "更": "gèng", "给": "gěi", "难": "nán", "没": "méi", "还": "hái"}

#: What 还 is given back before: 还钱, 还给, 还贷.
_GIVE_BACK = set("钱款债贷给清账")


def _alone(s: Spot) -> str | None:
    """The everyday reading of a function word that stands alone or ends its word."""
    if not (s.alone or s.last):
        return None
    reading = _ALONE[s.ch]
    if s.ch == "还" and s.after in _GIVE_BACK:
        return "huán"  # give back: 还钱, 还给
    if follows_title(s):
        return None
    return reading


def _hai(s: Spot) -> str | None:
    """还: huán, give back, with 了 or before what is given back; else the adverb hái."""
    if s.alone and s.next == "了" and s.ctx.text[s.pos + 2 : s.pos + 3] != "得":
        return "huán"  # an adverb takes no 了: 还了钱, 把书还了回去 (but 这还了得)
    if s.after in _GIVE_BACK and s.first:
        return "huán"  # give back: 还钱, 还款, 还给
    return _alone(s)


#: The rule for each function word.
RULES: dict[str, Rule] = {ch: _alone for ch in _ALONE} | {"还": _hai}
