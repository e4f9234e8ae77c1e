"""Characters read one way as a verb and another as a noun or adjective, told apart by what follows.

A lone 量/数/种/铺… with an aspect particle is the verb (量了体温 liáng, 数了三遍 shǔ); 干 before
a result or at a clause's end is gàn, to do (加油干, 干完), after 很/晒 it is gān, dry; 降 is
jiàng, to fall, but xiáng, surrender, after 迎/投/招; 应 before a verb is yīng, should, before
an invitation yìng.
"""

from __future__ import annotations

from models.language.phrase_table import is_han
from models.language.rules.context import (
    DEGREE_WORDS,
    MODALS,
    NAME_BOUNDARIES,
    Rule,
    Spot,
    starts_with_verb,
    tag,
)

#: Characters read one way as a verb and another as a noun or measure: an aspect particle
#: after one standing alone makes it the verb (量了体温 liáng, 数了三遍 shǔ, 种了树 zhòng).
_VERB_READINGS = {
    "量": "liáng",
    "数": "shǔ",
    "种": "zhòng",
    "钻": "zuān",
    "担": "dān",
    "铺": "pū",
    "钉": "dìng",
    "卷": "juǎn",
    "扇": "shān",
}

#: Words after 应 that make it yìng, answering: 应中方邀请, 应…要求, 应约.
_INVITATIONS = {"邀请", "之邀", "邀", "要求", "请求", "约请", "约", "召", "号召"}

#: Words after which 干 is the adjective gān, dry: 很干, 又冷又干, 晒干.
_DRY_BEFORE = (DEGREE_WORDS - {"不"}) | {"较", "最", "更", "太", "又", "也", "晒", "风", "烘", "晾", "烤"}

#: Words after which 干 is the verb gàn, to do: 再干, 加油干, 接着干, 带头干.
_BEFORE_GAN = {
    "再",
    "就",
    "加油",
    "接着",
    "继续",
    "一起",
    "带头",
    "实",
    "苦",
    "巧",
    "大",
    "蛮",
    "硬",
    "撸起袖子",
}

#: Result complements that follow a verb (干好, 干完).
_RESULTATIVES = set("好完成掉")


def _with_aspect(s: Spot) -> str | None:
    """The verb reading of a lone character followed by 了/过/着: 量了体温, 数了三遍, 铺着地毯."""
    if (
        s.alone
        and s.after
        and s.after in "了过着"
        and is_han(s.before)
        and s.before not in "大重数质变这那哪每各某"
    ):
        return _VERB_READINGS[s.ch]  # the verb with an aspect particle: 量了体温, 数了三遍, 铺着地毯
    return None


def _liang(s: Spot) -> str | None:
    """量: liáng, to measure, with an aspect particle or before a noun (量体温)."""
    reading = _with_aspect(s)
    if reading is not None:
        return reading
    if s.alone and tag(s.next).startswith("n"):
        prev = s.prev
        if not tag(prev).startswith(("m", "q", "a", "u")) and prev not in ("的", "之"):
            return "liáng"  # the verb: to measure (量体温)
        return None
    return None


def _zhong(s: Spot) -> str | None:
    """种: zhòng, to plant, before a complement or an aspect particle."""
    if s.alone and s.after and s.after in "出上下好满完" and s.before not in "这那哪每各某一两几多":
        return "zhòng"  # to plant, with a complement: 种出好蔬果, 到处种上花草
    return _with_aspect(s)


def _jiang(s: Spot) -> str | None:
    """降 standing alone: xiáng, to surrender, after 迎/投/招…; else jiàng, to fall."""
    if s.alone:
        if s.before and s.before in "迎请投归招受劝乞纳":
            return "xiáng"  # to surrender, in a split compound: 出城迎降, 招降
        return "jiàng"  # to fall, to lower: 降到最低, 降了 (xiáng lives in words: 投降, 降服)
    return None


def _cang(s: Spot) -> str | None:
    """藏 standing alone before 了/在/起…: cáng, to hide."""
    if s.alone and s.after and s.after in "了在起着进好到于有":
        return "cáng"  # to hide, to keep: 藏了起来, 藏在床下 (zàng in words: 西藏, 藏族, 宝藏)
    return None


def _gan(s: Spot) -> str | None:
    """干: gàn, to do, before a result or a clause's end or after 再/加油/想; gān after 很/晒 (dry)."""
    after = s.after
    if (
        s.alone
        and (after in _RESULTATIVES or after in "出了过起活" or not after.strip() or after in NAME_BOUNDARIES)
        and s.prev not in _DRY_BEFORE
    ):
        return "gàn"  # to do: 加油干, 干出来
    if s.alone:
        prev = s.prev
        if prev not in _DRY_BEFORE:
            if (after and after in "不得几一半的") or prev in MODALS or prev in _BEFORE_GAN:
                return "gàn"  # to do: 干不动, 再干几年, 加油干的, 想干
    if after in _RESULTATIVES and s.first:
        return "gàn"  # the verb with a result complement (干好, 干完)
    return None


def _sai(s: Spot) -> str | None:
    """塞 standing alone before 进/住/满…: sāi, to stuff."""
    if s.alone and s.after and s.after in "进到不住满给入":
        return "sāi"  # to stuff, to plug: 塞住, 塞进 (sài and sè live in words: 要塞, 堵塞)
    return None


def _zhong_hit(s: Spot) -> str | None:
    """中 standing alone before 了/过: zhòng, to hit, to win."""
    if s.alone and s.next in ("了", "过") and (not s.before or is_han(s.before)):
        return "zhòng"  # to hit, to win: 中了头奖, 中过彩票
    return None


def _qia(s: Spot) -> str | None:
    """卡 standing alone before 在/住: qiǎ, stuck."""
    if s.alone and s.after and s.after in "在住" and (not s.before or is_han(s.before)):
        return "qiǎ"  # stuck: 鱼刺卡在喉咙里
    return None


def _bei(s: Spot) -> str | None:
    """背 standing alone before 出/起/回…: bēi, to carry on the back."""
    if s.alone and s.after and s.after in "出起回走到":
        return "bēi"  # to carry on the back: 靠人背出去, 背起行囊
    return None


def _tiao(s: Spot) -> str | None:
    """调 standing alone before 低/高/匀: tiáo, to adjust."""
    if s.alone and s.after and s.after in "低高匀":
        return "tiáo"  # to adjust: 调低利率, 调高
    return None


def _jia(s: Spot) -> str | None:
    """假 standing alone ending a clause after 请/放/的 or a measure: jià, leave."""
    if s.alone and (not s.after.strip() or s.after in NAME_BOUNDARIES or s.after == "了"):
        if s.prev in ("的", "请", "放", "休", "销", "续") or tag(s.prev).startswith(("q", "m")):
            return "jià"  # leave, a holiday: 请了三个小时的假, 放一次假
    return None


def _ying(s: Spot) -> str | None:
    """应 standing alone: yìng before an invitation, yīng (should) before a verb."""
    if not s.alone:
        return None
    ctx, k = s.ctx, s.k
    nxt = s.next
    if any(w in _INVITATIONS for w in ctx.words[k + 1 : ctx.phrase_end(k + 1)][:6]):
        return "yìng"  # at someone's invitation or request: 应中方邀请
    if (
        starts_with_verb(nxt)
        or tag(nxt).startswith(("d", "p", "a"))
        or (starts_with_verb(ctx.neighbour(k + 1, 1)) and s.prev not in ("的", "之"))
    ):
        return "yīng"  # should: 部门应加快, 应先关闭, 应高度重视
    return None


#: The rule for each verb.
RULES: dict[str, Rule] = {ch: _with_aspect for ch in _VERB_READINGS} | {
    "量": _liang,
    "种": _zhong,
    "降": _jiang,
    "藏": _cang,
    "干": _gan,
    "塞": _sai,
    "中": _zhong_hit,
    "卡": _qia,
    "背": _bei,
    "调": _tiao,
    "假": _jia,
    "应": _ying,
}
