"""Rules from grammar for polyphones that stand alone as words: particles, measures, surnames.

These are facts of Mandarin grammar, not of any text: 的 standing alone is the particle
de; 地 between an adverbial word and a verb is de (积极地参加); 得 right after a verb or
adjective is the complement marker de (跑得快); 着 after a verb is zhe, but after 不/得 in
a potential complement it is zháo (睡不着); 了 standing alone is le, but liǎo after 不
(受不了); 只 after a numeral is the measure word zhī (五只); a polyphonic surname at the
head of a person's name takes its surname reading (曾 Zēng, 单 Shàn, 解 Xiè).

Each rule decides only where it is sure; everything else is left to the model.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.language import segmenter
from models.language.phrase_table import is_han, word_table

#: Tags (jieba's) of words that can stand before adverbial 地: adjectives, adverbs, idioms, descriptives.
_ADVERBIAL_TAGS = ("a", "ad", "an", "d", "z", "i", "l", "zg", "ag", "dg")

#: Prepositions and markers that can open the verb phrase after adverbial 地 (积极地向…学习).
_AFTER_ADVERBIAL = set("向对与和跟从在为给往把被将朝")

#: Punctuation after which a new clause starts.
_CLAUSE_OPENERS = set("，。；：！？,;:!?、")

#: Punctuation around a name: clause breaks, quotes and brackets.
_NAME_BOUNDARIES = _CLAUSE_OPENERS | set("“”「」（）()")

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

#: Modal verbs: 为 after them is wèi (能为, 要为, 愿意为).
_MODALS = {
    "能",
    "要",
    "会",
    "愿",
    "愿意",
    "可以",
    "应该",
    "应当",
    "想",
    "肯",
    "敢",
    "需要",
    "必须",
    "可",
    "能够",
}

#: Words after 为 that make it the copula wéi although jieba may tag them as verbs.
_WEI_OBJECTS = {"主", "例", "宜", "准", "止", "由", "限", "难", "先", "重", "荣", "伍", "生"}

#: Last characters of verbs that take 为 as their complement (转化为, 认定为, 比喻为, 改为).
_TAKES_WEI = set("化变成作定改评选分视称列划译誉奉尊拜聘任设升归并喻充")

#: Words before 为 in a newspaper's captions and bylines, where it is wéi (图为, 作者为).
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

_CAPTION_WORDS = {"图", "上图", "下图", "左图", "右图", "作者", "本版", "题图"}

#: Degree words that follow the complement marker 得 (跑得很快, 晚得有些).
_DEGREE_WORDS = {"很", "有些", "有点", "特别", "非常", "太", "真", "更", "十分", "挺", "多", "好", "不"}

#: Complements of a potential verb form: V得上, V得了, V得起 (and V不上…).
_POTENTIAL_COMPLEMENTS = set("上下到了起住出过来去完动清见着")

#: Function words standing alone as words, in the reading they have as such; their other
#: readings live inside words the tables know (爱好 hào, 首都 dū, 三更 gēng, 给予 jǐ, 灾难 nàn,
#: 淹没 mò): 好 good/well, 都 all, 更 more, 给 give/for, 难 hard, 没 not, 还 still.
_ALONE = {"好": "hǎo", "都": "dōu", "更": "gèng", "给": "gěi", "难": "nán", "没": "méi", "还": "hái"}

#: What 还 is given back before: 还钱, 还给, 还贷.
_GIVE_BACK = set("钱款债贷给清账")

#: Last characters of organisations whose head is a 长 zhǎng (校长, 局长, 组长, 楼栋长).
_ORGANISATIONS = set("校院局部所站处科组队厂社村镇县市省行团会室馆司栋楼班连营师军船厅委")

#: Last characters of words before which 地 is a place, not the adverbial de.
_PLACE_BEFORE_DI = set("等各多本外两该此全异当内入出何某每亩一产基腹田土就")

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

#: Closing quotation marks (a word in scare quotes is still the word before what follows).
_CLOSING_QUOTES = set("”’」』")

#: Words after 应 that make it yìng, answering: 应中方邀请, 应…要求, 应约.
_INVITATIONS = {"邀请", "之邀", "邀", "要求", "请求", "约请", "约", "召", "号召"}

#: Words after which 干 is the adjective gān, dry: 很干, 又冷又干, 晒干.
_DRY_BEFORE = (_DEGREE_WORDS - {"不"}) | {"较", "最", "更", "太", "又", "也", "晒", "风", "烘", "晾", "烤"}

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

#: Numerals and determiners that a measure word follows.
_COUNTERS = set("一二两三四五六七八九十百千万亿几多每这那哪半数整0123456789０１２３４５６７８９")

#: Last characters of titles that stand before a name in news (副所长, 第一书记, 总经理, 记者).
_TITLE_ENDS = set("长记书理员授生席裁师者官士督监任警手")

#: Last characters of kinship terms before a name (二嫂, 大哥, 三叔).
_KIN = set("嫂哥姐叔姨舅婶妹弟")

#: Words that follow a name in news: verbs of saying and reporting.
_AFTER_NAME = {"表示", "告诉", "介绍", "指出", "认为", "强调", "说道", "透露", "坦言", "称", "回忆", "建议"}

#: jieba's tags of words that can be a given name (建华 n, 晓明 nr); not verbs, numbers, adverbs.
_GIVEN_NAME_TAGS = {"n", "nr", "nz", "nrt", "nrfg"}

#: Characters that do not occur in given names (grammar words, pronouns, numbers).
_FUNCTION_CHARS = set(
    "的了是在有和与就都也说到被把将对为从向以及或而之其这那个们着过地得不没很还又再才我你他她它一二三四五六七八九十年月日"
)

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


def _is_reduplicated(word: str) -> bool:
    """AA, AABB or ABAB words (慢慢, 高高兴兴, 研究研究): adverbial before 地."""
    n = len(word)
    if n == 2:
        return word[0] == word[1]
    if n == 4:
        return (word[0] == word[1] and word[2] == word[3]) or word[:2] == word[2:]
    return False


def _tag(word: str) -> str:
    return segmenter.tag_of(word)


class _Context:
    """A clause's words with their offsets, to find a character's word and its neighbours."""

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        self.words = list(words)
        self.word_at: list[int] = []
        self.starts: list[int] = []
        pos = 0
        for k, w in enumerate(words):
            self.starts.append(pos)
            self.word_at.extend([k] * len(w))
            pos += len(w)

    def phrase_start(self, k: int) -> int:
        """Index of the first word after the last comma or clause break before word k."""
        while k > 0 and self.words[k - 1][-1:] not in _CLAUSE_OPENERS:
            k -= 1
        return k

    def phrase_end(self, k: int) -> int:
        """Index of the first word from word k on that is a comma or clause break (or the end)."""
        while k < len(self.words) and self.words[k][:1] not in _CLAUSE_OPENERS:
            k += 1
        return k

    def neighbour(self, k: int, step: int) -> str:
        """The nearest word before (step -1) or after (+1) word k that is not blank; '' if none."""
        k += step
        while 0 <= k < len(self.words):
            if self.words[k].strip():
                return self.words[k]
            k += step
        return ""


def _starts_with_verb(word: str) -> bool:
    """Whether a word is a verb or a set phrase that opens with one (抓紧时间)."""
    return any(_tag(word[:n]).startswith("v") for n in (len(word), 2, 1) if 0 < n <= len(word))


def _wei(ctx: _Context, k: int) -> str | None:
    """为 standing alone: wéi (be, become, as) or wèi (for, for the sake of)."""
    prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
    if "以" in ctx.words[ctx.phrase_start(k) : k] and (nxt in _WEI_OBJECTS or not _starts_with_verb(nxt)):
        return "wéi"  # 以…为…: take … as … (以人民为中心), not 以…态度为挽救…
    before = ctx.words[ctx.phrase_start(k) : k]
    if any(w in _MAKE_INTO for w in before[-3:]) and not _starts_with_verb(nxt) and nxt != "的":
        return "wéi"  # turn X into Y: 化危为机, 变压力为动力
    if prev in _COPULA_ADVERBS:
        return "wéi"  # literary copula after 均/皆/即/多…: 均为, 多为
    prev_tag = _tag(prev)
    if prev in _MODALS or prev[-1:] in ("能", "要", "会", "愿"):
        return "wèi"  # 能为他节省, 愿为…竭尽全力
    if prev_tag.startswith("v") and (len(prev) == 1 or prev[-1:] in _TAKES_WEI):
        return "wéi"  # a verb's complement: 转化为, 认定为, 比喻为
    if _starts_with_verb(nxt) and nxt not in _WEI_OBJECTS:
        return "wèi"  # for the purpose of: 中国为抗击疫情采取的措施
    if nxt[:1].isdigit():
        return "wéi"  # is, before a figure: 入园率为83.5%
    if not prev or prev[-1] in _CLAUSE_OPENERS or prev_tag.startswith(("d", "p", "c")) or prev == "正在":
        return "wèi"  # for, opening a phrase or after an adverb: ，为坚持…, 将为…提供
    if prev in _CAPTION_WORDS:
        return "wéi"  # a newspaper's caption or byline: 图为…, （作者为…）
    if any(_starts_with_verb(w) for w in ctx.words[k + 2 : ctx.phrase_end(k + 1)][:4]):
        return "wèi"  # for someone, then the verb: 机构为一线医护人员提供
    return None


def _surname_here(ctx: _Context, k: int) -> bool:
    """Whether word k could open a person's name (a title before it): leave it to the name rule."""
    return ctx.neighbour(k, -1)[-1:] in _TITLE_ENDS


def _particle(ctx: _Context, pos: int) -> str | None:
    """The reading of a particle-like character standing alone, when grammar settles it."""
    ch = ctx.text[pos]
    k = ctx.word_at[pos]
    word = ctx.words[k]
    before = ctx.text[pos - 1] if pos > 0 else ""
    before2 = ctx.text[pos - 2] if pos > 1 else ""
    after = ctx.text[pos + 1] if pos + 1 < len(ctx.text) else ""
    alone = word == ch
    if ch == "的" and alone:
        return "de"
    if ch == "了":
        if before == "不" and before2.strip():
            return "liǎo"
        third = ctx.text[pos - 3] if pos > 2 else ""
        if (
            before2 + before == "不得"
            and not after.strip("，。！？；、”")
            and (third == "得" or not is_han(third))
        ):
            return "liǎo"  # 不得了 ending a clause: 开心得不得了 (not 顾不得了)

        if alone:
            prev = ctx.neighbour(k, -1)
            if prev == "得" and _tag(ctx.neighbour(k - 1, -1)).startswith("v"):
                return "liǎo"
            return "le"
        return None
    if ch == "着":
        if before in "不得" and before2.strip() and not after == "呢":
            return "zháo"
        if alone and _tag(ctx.neighbour(k, -1)).startswith(("v", "a")):
            return "zhe"
        return None
    if ch == "地" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if not prev or not is_han(prev[-1]):
            return None
        manner = _tag(prev) in _ADVERBIAL_TAGS or _is_reduplicated(prev) or prev.endswith(("然", "般", "样"))
        # A place is 地 dì after a number, a measure, a locative or a list's 等 (多地, 等地,
        # 流入地, 每亩地); any other word of two or more characters before a verb is the
        # manner of the verb (担心地问, 有规律地工作, 发自内心地尊敬).
        # A word of manner of two characters or more keeps its de whatever its last character
        # (完全地, 安全地), but not a one-character adverb (就地 jiùdì).
        by_char = prev[-1] in _PLACE_BEFORE_DI and not (manner and len(prev) >= 2)
        place = _tag(prev).startswith(("m", "q", "f", "s")) or by_char
        verb_next = _starts_with_verb(nxt) or nxt[:1] in _AFTER_ADVERBIAL
        if verb_next and not place and (manner or len(prev) >= 2):
            return "de"
        if manner and _tag(nxt).startswith(("a", "d")):
            return "de"  # 好好地平安度过
        return None
    if ch == "得" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if prev in _CLOSING_QUOTES and k > 1:
            prev = ctx.neighbour(k - 1, -1)  # a verb in scare quotes: “跑”得更快
        opens = not prev or prev[-1] in _CLAUSE_OPENERS or prev[-1] in "“「"
        if (prev in _MODAL_SUBJECTS or opens) and (_starts_with_verb(nxt) or _tag(nxt).startswith("d")):
            return "děi"  # must: 我们得抓紧, ，得保养, “得先做个示范
        if nxt == "了" or not nxt or nxt[0] in _CLAUSE_OPENERS:
            return "dé"  # got: 得了病; gained: 劳有所得
        if prev and is_han(prev[-1]) and (len(prev) == 1 or _tag(prev).startswith(("v", "a"))):
            return "de"  # the complement marker after a verb or adjective: 过得好, 跑得快
        if (
            prev
            and is_han(prev[-1])
            and not _tag(prev).startswith(("v", "a", "z", "i", "l"))
            and (_starts_with_verb(nxt) or _tag(nxt).startswith("m"))
        ):
            return "děi"  # a subject or an adverb, then must + verb or amount: 政策得兜底, 至少得花
        if prev and is_han(prev[-1]) and (nxt in _DEGREE_WORDS or _tag(nxt).startswith(("d", "a", "z"))):
            return "de"  # …before a degree word or an adjective: 天亮得有些晚
        return None
    if ch == "得" and pos > ctx.starts[k] and is_han(before):
        if pos == ctx.starts[k] + len(word) - 1 or after in _POTENTIAL_COMPLEMENTS:
            return "de"  # inside a word the tables lack: 聊得, 顾得上
    last = pos == ctx.starts[k] + len(word) - 1
    if ch == "还" and alone and ctx.neighbour(k, 1) == "了" and ctx.text[pos + 2 : pos + 3] != "得":
        return "huán"  # an adverb takes no 了: 还了钱, 把书还了回去 (but 这还了得)
    if ch == "降" and alone:
        if before and before in "迎请投归招受劝乞纳":
            return "xiáng"  # to surrender, in a split compound: 出城迎降, 招降
        return "jiàng"  # to fall, to lower: 降到最低, 降了 (xiáng lives in words: 投降, 降服)
    if ch == "藏" and alone and after and after in "了在起着进好到于有":
        return "cáng"  # to hide, to keep: 藏了起来, 藏在床下 (zàng in words: 西藏, 藏族, 宝藏)
    if ch == "还" and after in _GIVE_BACK and pos == ctx.starts[k]:
        return "huán"  # give back: 还钱, 还款, 还给
    if ch in _ALONE and (alone or last):
        reading = _ALONE[ch]
        if ch == "还" and after in _GIVE_BACK:
            return "huán"  # give back: 还钱, 还给
        if _surname_here(ctx, k):
            return None
        return reading
    if ch == "长" and (alone or last) and before in _ORGANISATIONS:
        return "zhǎng"  # head of: 校长 cut 学校/长, 楼栋长
    if (
        ch == "干"
        and alone
        and (
            after in _RESULTATIVES or after in "出了过起活" or not after.strip() or after in _NAME_BOUNDARIES
        )
        and ctx.neighbour(k, -1) not in _DRY_BEFORE
    ):
        return "gàn"  # to do: 加油干, 干出来
    if ch == "干" and alone:
        prev = ctx.neighbour(k, -1)
        if prev not in _DRY_BEFORE:
            if (after and after in "不得几一半的") or prev in _MODALS or prev in _BEFORE_GAN:
                return "gàn"  # to do: 干不动, 再干几年, 加油干的, 想干
    if ch == "塞" and alone and after and after in "进到不住满给入":
        return "sāi"  # to stuff, to plug: 塞住, 塞进 (sài and sè live in words: 要塞, 堵塞)
    if ch == "载" and alone and before and before in _COUNTERS:
        return "zǎi"  # a year: 三年零五载, 千载
    if ch == "中" and alone and ctx.neighbour(k, 1) in ("了", "过") and (not before or is_han(before)):
        return "zhòng"  # to hit, to win: 中了头奖, 中过彩票
    if ch == "卡" and alone and after and after in "在住" and (not before or is_han(before)):
        return "qiǎ"  # stuck: 鱼刺卡在喉咙里
    if ch == "背" and alone and after and after in "出起回走到":
        return "bēi"  # to carry on the back: 靠人背出去, 背起行囊
    if ch == "薄" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if prev in _DEGREE_WORDS or not nxt or nxt[0] in _NAME_BOUNDARIES or nxt == "的":
            return "báo"  # thin, said of a thing: 底子薄，很薄的水膜 (bó lives in words: 薄弱, 单薄)
    if ch == "累" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        tired_after = (
            not nxt or nxt[0] in _NAME_BOUNDARIES or nxt in ("得", "了", "也", "都", "坏", "死", "垮")
        )
        if tired_after or prev in _DEGREE_WORDS or prev in ("怕", "喊", "苦", "再", "太", "不怕", "辛苦"):
            return "lèi"  # tired: 他太累了, 不怕累, 累得坐在楼道 (lěi lives in words: 累计, 积累)
    if ch == "调" and alone and after and after in "低高匀":
        return "tiáo"  # to adjust: 调低利率, 调高
    if ch == "种" and alone and after and after in "出上下好满完" and before not in "这那哪每各某一两几多":
        return "zhòng"  # to plant, with a complement: 种出好蔬果, 到处种上花草
    if ch == "假" and alone and (not after.strip() or after in _NAME_BOUNDARIES or after == "了"):
        if ctx.neighbour(k, -1) in ("的", "请", "放", "休", "销", "续") or _tag(
            ctx.neighbour(k, -1)
        ).startswith(("q", "m")):
            return "jià"  # leave, a holiday: 请了三个小时的假, 放一次假
    if ch == "少" and after == "不" and pos + 2 < len(ctx.text) and ctx.text[pos + 2] in "了得":
        return "shǎo"  # cannot do without: 少不了, 少不得
    if ch == "少" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if _starts_with_verb(nxt):
            return "shǎo"  # 少喝点, 能少跑点
        if all(len(w) == 1 and is_han(w) and w not in _FUNCTION_CHARS for w in (prev, nxt)):
            return None  # inside a name the tables lack: 郑少忠, 任少波 (shào)
        return "shǎo"  # few, less: 知之甚少, 越来越少, 少喝点 (shào lives in words: 少年, 少将)
    if ch == "重" and alone:
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if prev[-1:] in _COUNTERS:
            return "chóng"  # a layer: 多一重保护, 万千重
        if prev in _DEGREE_WORDS or prev in ("较", "过", "偏", "严") or _tag(nxt).startswith("n"):
            return "zhòng"  # heavy, serious, to value: 病情较重, 重情义
        if not nxt or nxt[0] in _NAME_BOUNDARIES or nxt in ("的", "了"):
            return "zhòng"  # a predicate adjective: 任务重。碱性重；
        return None
    if ch == "应" and alone:
        nxt = ctx.neighbour(k, 1)
        if any(w in _INVITATIONS for w in ctx.words[k + 1 : ctx.phrase_end(k + 1)][:6]):
            return "yìng"  # at someone's invitation or request: 应中方邀请
        if (
            _starts_with_verb(nxt)
            or _tag(nxt).startswith(("d", "p", "a"))
            or (_starts_with_verb(ctx.neighbour(k + 1, 1)) and ctx.neighbour(k, -1) not in ("的", "之"))
        ):
            return "yīng"  # should: 部门应加快, 应先关闭, 应高度重视
        return None
    if (
        ch == "处"
        and alone
        and (before in _COUNTERS or before in "余多之" or _tag(ctx.neighbour(k, -1)).startswith(("m", "q")))
    ):
        return "chù"  # a place, or its measure word: 132处文物, 40厘米处, 受病之处
    if ch == "差" and alone and is_han(before):
        prev, nxt = ctx.neighbour(k, -1), ctx.neighbour(k, 1)
        if before == "趟":
            return "chāi"  # an errand: 出了趟差
        predicate = not nxt or nxt[0] in _NAME_BOUNDARIES or nxt in ("的", "了", "得")
        if predicate or prev in _DEGREE_WORDS or _tag(prev).startswith("d"):
            # poor, short of: 条件差。 很差, 总差一步; a difference (身高差也…) is chā,
            # and chā lives in words the tables have (差别, 误差, 时差)
            return "chà"
        return None
    if ch == "长" and alone and (before in _DEGREE_WORDS or before in "较不过"):
        return "cháng"  # long, after a degree word: 时间不长, 病程较长
    if ch == "长" and alone and after == "得":
        return "zhǎng"  # grows, looks: 长得快, 长得好
    if ch == "蒙" and ((after and after in "方中俄") or (before and before in "中俄")):
        return "měng"  # Mongolia, in diplomatic shorthand: 蒙方, 中蒙
    if ch == "只" and before and (before in _COUNTERS or before == "余"):
        return "zhī"
    if ch == "为" and alone:
        return _wei(ctx, k)
    if (
        ch in _VERB_READINGS
        and alone
        and after
        and after in "了过着"
        and is_han(before)
        and before not in "大重数质变这那哪每各某"
    ):
        return _VERB_READINGS[ch]  # the verb with an aspect particle: 量了体温, 数了三遍, 铺着地毯
    if ch == "量" and alone and _tag(ctx.neighbour(k, 1)).startswith("n"):
        prev = ctx.neighbour(k, -1)
        if not _tag(prev).startswith(("m", "q", "a", "u")) and prev not in ("的", "之"):
            return "liáng"  # the verb: to measure (量体温)
        return None
    if (
        ch == "率"
        and alone
        and is_han(before)
        and (before not in _FUNCTION_CHARS or len(ctx.neighbour(k, -1)) >= 2)  # 参与率, not 与率
    ):
        nxt = ctx.neighbour(k, 1)
        if (
            not nxt
            or nxt[0] in _NAME_BOUNDARIES
            or nxt[0] in "和与及的为达是在超由从"
            or _tag(nxt)[:1] in "vdpcua"
        ):
            return "lǜ"  # a rate, ending a compound the tables lack (治愈率、, 出勤率很高)
    if ch == "干" and after in _RESULTATIVES and pos == ctx.starts[k]:
        return "gàn"  # the verb with a result complement (干好, 干完)
    return None


def _surname(ctx: _Context, pos: int) -> str | None:
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
            elif len(w) == 2 and len(after[0]) == 1 and after[0] not in _FUNCTION_CHARS | _NAME_BOUNDARIES:
                w, after = w + after[0], after[1:]  # a three-character name the HMM cut 2 + 1: 解廷 凡
            elif (
                len(w) == 1
                and len(after[0]) == 2
                and all(is_han(c) and c not in _FUNCTION_CHARS for c in after[0])
                and _tag(after[0]) in _GIVEN_NAME_TAGS
                and n > 0
                and pieces[n - 1][-1:] in _TITLE_ENDS
            ):
                w, after = w + after[0], after[1:]  # after a title, a given name that is a word too: 曾 建华
            if (
                2 <= len(w) <= 3
                and not segmenter.in_dictionary(w)
                and w not in word_table()
                and not any(c in _FUNCTION_CHARS for c in w[1:])
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
    break_after = not after or after[0] in _NAME_BOUNDARIES
    saying_after = after in _AFTER_NAME or after[:1] in ("说", "等")
    if before[-1:] in _TITLE_ENDS:
        return break_after or saying_after or after[:1] in ("和", "与")
    if before[-1:] in _KIN and len(before) >= 2:
        # a relative named: 二嫂曾祥英瞅准商机, 他的大哥曾建国说
        return break_after or saying_after or _starts_with_verb(after)
    if not before or before[-1] in _NAME_BOUNDARIES:
        return saying_after or (before[-1:] == "、" and after[:1] == "、")
    return False


def apply(
    text: str, words: Sequence[str], readings: list[str | None], open_positions: list[int]
) -> list[int]:
    """Decide what the rules are sure of, writing into ``readings``; return the positions still open."""
    if not open_positions:
        return open_positions
    ctx = _Context(text, words)
    still: list[int] = []
    for pos in open_positions:
        reading = _particle(ctx, pos)
        if reading is None and text[pos] in SURNAMES:
            reading = _surname(ctx, pos)
        if reading is None and text[pos] == "曾" and ctx.words[ctx.word_at[pos]] == "曾":
            nxt = ctx.neighbour(ctx.word_at[pos], 1)
            if _starts_with_verb(nxt) or _tag(nxt).startswith(("d", "p")) or nxt[:1] in "经是在":
                reading = "céng"  # once, before what happened (我曾看到), when no name was found
        if reading is None:
            still.append(pos)
        else:
            readings[pos] = reading
    return still
