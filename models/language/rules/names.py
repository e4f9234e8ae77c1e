"""Names: a polyphonic surname at the head of a person's name, and place names in shorthand.

A surname takes its surname reading (曾 Zēng, 单 Shàn, 解 Xiè) where news frames a name no
table knows: a title before it, a verb of saying after it, a list of names. 蒙 in diplomatic
shorthand is Mongolia, měng (中蒙, 蒙方).
"""

from __future__ import annotations

from models.language import segmenter
from models.language.phrase_table import MAX_WORD, char_readings, is_han, word_table
from models.language.rules.context import (
    FUNCTION_CHARS,
    NAME_BOUNDARIES,
    TITLE_ENDS,
    Context,
    Rule,
    Spot,
    starts_with_verb,
    tag,
)

#: Last characters of kinship terms before a name (二嫂, 大哥, 三叔).
_KIN = set("嫂哥姐叔姨舅婶妹弟")

#: Words that follow a name in news: verbs of saying and reporting.
_AFTER_NAME = {"表示", "告诉", "介绍", "指出", "认为", "强调", "说道", "透露", "坦言", "称", "回忆", "建议"}

#: jieba's tags of words that can be a given name (建华 n, 晓明 nr); not verbs, numbers, adverbs.
_GIVEN_NAME_TAGS = {"n", "nr", "nz", "nrt", "nrfg"}

#: jieba's tags of grammar words (adverbs, prepositions, conjunctions, pronouns, particles): no given
#: name ends in one (jieba's dictionary tags phrases such as 仇深似 as names).
_GRAMMAR_TAGS = ("d", "p", "c", "r", "u")

#: Polyphonic characters whose reading as a surname differs from their common reading.
SURNAMES = {
    "曾": "zēng",
    "单": "shàn",
    "解": "xiè",
    "仇": "qiú",
    "区": "ōu",
    "查": "zhā",
    "朴": "piáo",
    "盖": "gě",
    "乐": "yuè",
    "纪": "jǐ",
    "种": "chóng",
    "召": "shào",
    "葛": "gě",
    "华": "huà",
    "秘": "bì",
    "员": "yùn",
    "覃": "qín",
    "冼": "xiǎn",
    "宓": "fú",
    "谌": "chén",
    "折": "shé",
    "尉": "yù",
    "相": "xiàng",
    "曲": "qū",
    "薄": "bó",
    "应": "yīng",
    "长": "cháng",
    "重": "chóng",
    "都": "dū",
    "传": "chuán",
    "宁": "nìng",
    "隗": "wěi",
    "蔚": "yù",
}


def follows_title(s: Spot) -> bool:
    """Whether the word could open a person's name (a title before it): leave it to the name rule."""
    return s.prev[-1:] in TITLE_ENDS


def name_reading(ctx: Context, pos: int) -> str | None:
    """A surname's reading where a name no table knows starts at ``pos``; 曾 céng where none does."""
    return name_reading_with_rule(ctx, pos)[0]


def name_reading_with_rule(ctx: Context, pos: int) -> tuple[str | None, str | None]:
    """``name_reading`` and the name of the rule that gave it (for ``tools/rule_precision.py``)."""
    ch = ctx.text[pos]
    if ch in SURNAMES:
        reading = _surname(ctx, pos)
        if reading is not None:
            return reading, "names.surname-framed"
    reading = listed_name_reading(ctx.text, pos)
    if reading is not None:
        return reading, "names.surname-listed"
    if ch == "曾" and ctx.words[ctx.word_at[pos]] == "曾":
        nxt = ctx.neighbour(ctx.word_at[pos], 1)
        if starts_with_verb(nxt) or tag(nxt).startswith(("d", "p")) or nxt[:1] in "经是在":
            return "céng", "names.céng"  # once, before what happened (我曾看到), when no name was found
    return None, None


def listed_name_reading(text: str, pos: int) -> str | None:
    """A surname's reading where the segmenter finds a person's name at ``pos`` on strong evidence.

    Strong evidence only: a name of three characters that jieba's dictionary tags as a person's
    (单田芳, 查良镛: nr), both given characters in the shipped given-name list and no grammar word
    (jieba also tags phrases and transliterations nr: 仇深似, 柏培拉). A surname whose surname reading
    is the character's everyday one (柏 bǎi) is left to the model, and a name that starts a word of
    the table is read as the table reads it. The wider test the segmenter joins names by (a surname
    and any given-name characters: 邱小军) fires on transliterations (柏威夏, 朗缪尔) and plants, so
    it only makes the popup's word, not the reading. Measured by ``tools/rule_precision.py``.
    """
    surnames, given = segmenter.name_lists()
    reading = surnames.get(text[pos])
    if reading is None or reading == char_readings(text[pos])[0]:
        return None
    for start, end in segmenter.names(text):
        if start != pos:
            continue
        whole = text[start:end]
        listed = len(whole) == 3 and all(
            c in given and not segmenter.tag_of(c).startswith(_GRAMMAR_TAGS) for c in whole[1:]
        )
        if not (segmenter.is_person_name(whole) and listed):
            return None
        table = word_table()
        if any(text[pos:n] in table for n in range(pos + 2, min(len(text), pos + MAX_WORD) + 1)):
            return None
        return reading
    return None


def _surname(ctx: Context, pos: int) -> str | None:
    """A surname's reading at the head of a person's name that no table knows (曾安舒, 单玮).

    jieba's HMM joins an unknown name into one word of two or three characters; a new word
    that starts with a polyphonic surname and holds no function character is taken as a name.
    """
    ch = ctx.text[pos]
    k = ctx.word_at[pos]
    if ctx.starts[k] != pos or len(ctx.words[k]) > 3 or ctx.words[k] in word_table():
        return None
    start = 0
    pieces = segmenter.split_unknown(ctx.text)
    for n, w in enumerate(pieces):
        if start == pos:
            after = pieces[n + 1 :] + [""]
            if len(w) in (3, 4) and w.endswith("说"):  # the HMM glued 说 to the name: 曾安舒说
                w, after = w[:-1], ["说", *after]
            elif len(w) == 2 and len(after[0]) == 1 and after[0] not in FUNCTION_CHARS | NAME_BOUNDARIES:
                w, after = w + after[0], after[1:]  # a three-character name the HMM cut 2 + 1: 解廷 凡
            elif (
                len(w) == 1
                and len(after[0]) == 2
                and all(is_han(c) and c not in FUNCTION_CHARS for c in after[0])
                and tag(after[0]) in _GIVEN_NAME_TAGS
                and n > 0
                and pieces[n - 1][-1:] in TITLE_ENDS
            ):
                w, after = w + after[0], after[1:]  # after a title, a given name that is a word too: 曾 建华
            if (
                2 <= len(w) <= 3
                and not segmenter.in_dictionary(w)
                and w not in word_table()
                and not any(c in FUNCTION_CHARS for c in w[1:])
                and _name_frame(pieces[n - 1] if n else "", after[0])
            ):
                return SURNAMES[ch]
            return None
        start += len(w)
        if start > pos:
            break
    return None


def _name_frame(before: str, after: str) -> bool:
    """Whether the words around a candidate name frame it the way news frames names.

    A title before it (副所长, 第一书记, 记者) and a break or a verb of saying after it; or a
    break before and a verb of saying after (，曾安舒说); or a list of names (、…、).
    """
    break_after = not after or after[0] in NAME_BOUNDARIES
    saying_after = after in _AFTER_NAME or after[:1] in ("说", "等")
    if before[-1:] in TITLE_ENDS:
        return break_after or saying_after or after[:1] in ("和", "与")
    if before[-1:] in _KIN and len(before) >= 2:
        # a relative named: 二嫂曾祥英瞅准商机, 他的大哥曾建国说
        return break_after or saying_after or starts_with_verb(after)
    if not before or before[-1] in NAME_BOUNDARIES:
        return saying_after or (before[-1:] == "、" and after[:1] == "、")
    return False


def _meng(s: Spot) -> str | None:
    """蒙 next to 中/俄/方 in diplomatic shorthand: Mongolia."""
    if (s.after and s.after in "方中俄") or (s.before and s.before in "中俄"):
        return "měng"  # Mongolia, in diplomatic shorthand: 蒙方, 中蒙
    return None


#: The rules for place names in shorthand (surnames are read by ``name_reading``, after every rule).
RULES: dict[str, Rule] = {"蒙": _meng}
