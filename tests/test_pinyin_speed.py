"""The pinyin engine's fast paths read exactly as the plain ones they replace.

Shortcuts make a page's pinyin faster (``bench/pinyin_bench.py`` measures by how much);
a reader must not see any of them:

- ``polyphone_step.decide`` runs g2pM only where its answer could change the reading, and
  scores all of a batch's open polyphones at once in arrays (the classifier's weights as one
  matrix), against ``decide_reference`` (tests/pinyin_reference.py), which runs g2pM at every
  open polyphone and the classifier's ``pick`` on each, one by one;
- ``segmenter.dictionary_words`` is jieba's ``cut(HMM=False)`` in one loop;
- ``PolyphoneModel`` reads many sentences in one batch, each step only over the rows still
  inside their sentence, against reading each sentence alone;
- ``readings._reading_view`` takes OCR's gaps out in slices, against a flag per code point;
- ``segmenter._hmm_cut`` is jieba's ``finalseg.cut`` with a Viterbi walk by back pointers.
"""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE_PAGE, shared_path
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pinyin_reference import (
    ClauseViewReference,
    decide_reference,
    logits_reference,
    name_spans_reference,
    reading_view_reference,
)

from models.language import polyphone_step, readings, segmenter
from models.language.phrase_table import char_readings
from models.language.polyphone_features import ClauseView

#: Characters text is drawn from: common polyphones (several readings, often left to the models),
#: characters that make words with them, names, Latin letters, digits, spaces and punctuation.
_POLYPHONES = "的了着得地都还行长重调便乐数差处给种教发传应强降空为和少只干朝解曾单仇查区盖朴"
_OTHERS = "我们他在是有这个人大中国一不上来到说会要就年时可以家那天好们工作生产经济发展学习张王李小明军"
_REST = "abcXYZ019 ，。、；：！？（）“”\n-._%#&+"
_TEXT = st.text(alphabet=_POLYPHONES + _OTHERS + _REST, max_size=60)


def _read_both(
    lines: list[str], monkeypatch: pytest.MonkeyPatch, asked: list[int] | None = None
) -> tuple[list, list]:
    """The lines read the fast way and the plain way; ``asked`` receives how many positions
    each way asked g2pM about."""
    from models.language.polyphone_model import PolyphoneModel

    choose = PolyphoneModel.choose

    def counted(self, sentences, positions, *args, **kwargs):
        if asked is not None:
            asked.append(sum(map(len, positions)))
        return choose(self, sentences, positions, *args, **kwargs)

    monkeypatch.setattr(PolyphoneModel, "choose", counted)
    fast = readings.readings_for_lines(lines)
    with monkeypatch.context() as m:
        m.setattr(polyphone_step, "decide", decide_reference)
        plain = readings.readings_for_lines(lines)
    return fast, plain


def test_news_dev_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    path = shared_path("data", "polyphones-news-dev.jsonl")
    lines = [json.loads(line)["sentence"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    fast, plain = _read_both(lines, monkeypatch)
    assert len(fast) == len(lines) == 202
    assert fast == plain


def test_news_dev_reads_the_same_with_each_probability_worked_out_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The step tries g2pM's answers in arrays and works a probability out again with
    ``math.exp`` only near the switch (numpy's exp may differ in the last bit); made to do so
    everywhere, it still reads as the plain way."""
    monkeypatch.setattr(polyphone_step, "_NEAR", float("inf"))
    path = shared_path("data", "polyphones-news-dev.jsonl")
    lines = [json.loads(line)["sentence"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    fast, plain = _read_both(lines, monkeypatch)
    assert fast == plain


def test_cpp_dev_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every 8th sentence (1,237 of 9,893): the whole set was compared when the fast path was made.
    path = shared_path("data", "cpp-dev", "dev.sent")
    lines = [s.replace("\u2581", "") for s in path.read_text(encoding="utf-8").splitlines()[::8]]
    asked: list[int] = []
    fast, plain = _read_both(lines, monkeypatch, asked)
    assert fast == plain
    # The shortcut is taken: g2pM is asked about far fewer characters than the plain way asks.
    assert len(asked) == 2 and asked[0] < 0.8 * asked[1]  # 4,867 against 8,182 when written


def test_a_page_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    page = SAMPLE_PAGE.read_text(encoding="utf-8")
    fast, plain = _read_both([page], monkeypatch)
    assert fast == plain


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, min_size=1, max_size=6))
@example(["他还书给图书馆，借书要还。", "数一数，解缙和曾国藩。"])
def test_any_text_reads_the_same_both_ways(lines: list[str]) -> None:
    fast = readings.readings_for_lines(lines)
    saved = polyphone_step.decide
    polyphone_step.decide = decide_reference
    try:
        plain = readings.readings_for_lines(lines)
    finally:
        polyphone_step.decide = saved
    assert fast == plain


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_POLYPHONES + _OTHERS + _REST + "\r\t\u3000", max_size=80))
@example("ABC123abc中华人民共和国 2020年，a.b_c%d#e&f+g-h\r\ni")
def test_dictionary_cut_is_jiebas(text: str) -> None:
    tokenizer = segmenter._load()
    assert segmenter.dictionary_words(tokenizer, text) == list(tokenizer.cut(text, HMM=False))


def test_dictionary_cut_splits_blocks_as_jieba_does() -> None:
    import jieba

    assert segmenter._HAN_BLOCK.pattern == jieba.re_han_default.pattern
    assert segmenter._SKIP.pattern == jieba.re_skip_default.pattern


def test_dictionary_cut_is_jiebas_on_news_dev() -> None:
    path = shared_path("data", "polyphones-news-dev.jsonl")
    tokenizer = segmenter._load()
    for line in path.read_text(encoding="utf-8").splitlines():
        sentence = json.loads(line)["sentence"]
        assert segmenter.dictionary_words(tokenizer, sentence) == list(tokenizer.cut(sentence, HMM=False))


@settings(max_examples=40, deadline=None)
@given(st.lists(_TEXT.filter(lambda s: any(len(char_readings(c)) > 1 for c in s)), min_size=1, max_size=8))
def test_a_batch_scores_each_sentence_as_it_alone(sentences: list[str]) -> None:
    import numpy as np

    from models.language.polyphone_model import model

    g2pm = model()
    positions = [[i for i, c in enumerate(s) if len(char_readings(c)) > 1] for s in sentences]
    together = g2pm.logits(sentences, positions)
    for sentence, pos, batch in zip(sentences, positions, together):
        alone = g2pm.logits([sentence], [pos])[0]
        assert batch.shape == alone.shape == (len(pos), len(g2pm.class_ids))
        # float32 sums in another order: far below what moves a choice (logits are tens apart)
        assert np.allclose(batch, alone, atol=1e-3)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(_TEXT.filter(lambda s: any(len(char_readings(c)) > 1 for c in s)), min_size=1, max_size=8),
    st.data(),
)
@example(["长大了的孩子还行", "行长"], None)
def test_the_batch_reads_as_every_step_run_for_each_segment_alone(sentences: list[str], data) -> None:
    """g2pM runs each direction only as far as the positions asked need (the forward one up to the
    last, the backward one down to the first), rows of both directions sorted apart: the logits
    are those of running every step of each segment alone (float32 sums in another order apart)."""
    import numpy as np

    from models.language.polyphone_model import model

    g2pm = model()
    positions = []
    for sentence in sentences:
        candidates = [i for i, c in enumerate(sentence) if len(char_readings(c)) > 1]
        if data is None:
            positions.append(candidates)
        else:  # the engine asks about some of them: the ones whose answer matters
            positions.append(sorted(data.draw(st.sets(st.sampled_from(candidates), max_size=3))))
    fast = g2pm.logits(sentences, positions)
    plain = logits_reference(sentences, positions)
    for got, expected in zip(fast, plain):
        assert got.shape == (len(expected), len(g2pm.class_ids))
        if expected:
            assert np.allclose(got, np.array(expected), atol=1e-3)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40) | _TEXT)
@example("第３届ＡＢ杯　1.5%，①②\n")
@settings(max_examples=400, deadline=None)
def test_the_features_see_the_text_as_each_character_normed(text: str) -> None:
    """Only the runs of characters outside the plain ranges (ideographs, punctuation) are
    translated for the features: the same text as translating every character."""
    from models.language import polyphone_features

    assert polyphone_features.normed(text) == "".join(map(polyphone_features._norm, text))


#: Text where names stand: surnames (single and the start of jieba's person names), given-name
#: characters, grammar words that are no given name, and the rest.
_NAMES = "邱小军单田芳曾国藩解缙仇英朴槿惠查良镛区盖叫天张王李刘陈杨黄赵周吴于高方和向从万文马"


@given(st.text(alphabet=_NAMES + _POLYPHONES + _OTHERS + _REST, max_size=60))
@example("邱小军说，单晓明和曾安舒说解廷凡来了")
@settings(max_examples=200, deadline=None)
def test_names_are_found_as_the_plain_way_finds_them(text: str) -> None:
    """The name finder looks only at words that start with a surname and runs jieba's HMM only
    where a given-name character stands alone after one: the same names as looking everywhere."""
    words = tuple(segmenter.dictionary_cut(text))
    assert segmenter._name_spans.__wrapped__(text, words) == name_spans_reference(text, words)


def test_names_are_found_as_the_plain_way_finds_them_on_pages() -> None:
    texts = [SAMPLE_PAGE.read_text(encoding="utf-8")]
    path = shared_path("data", "polyphones-news-dev.jsonl")
    texts += [json.loads(line)["sentence"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    found = 0
    for text in texts:
        for clause in readings._clauses(text):
            words = tuple(segmenter.dictionary_cut(clause))
            spans = segmenter._name_spans.__wrapped__(clause, words)
            assert spans == name_spans_reference(clause, words), clause
            found += len(spans)
    assert found > 10  # the texts hold names: the comparison is not of empty lists


def _same_features(text: str) -> int:
    words = segmenter.dictionary_cut(text)
    fast, plain = ClauseView(text, words), ClauseViewReference(text, words)
    for pos in range(len(text)):
        assert fast.features(pos) == plain.features(pos), (text, pos)
    return len(text)


@given(st.text(alphabet=_NAMES + _POLYPHONES + _OTHERS + _REST + "^$０１Ａ\u3000", max_size=60))
@example("^解缙是明代的学者$，他说，解缙很有才。数一数看了看慢慢")
@settings(max_examples=200, deadline=None)
def test_features_are_made_as_the_plain_way_makes_them(text: str) -> None:
    """The classifier's features from the clause's indexed lists are the strings, in the order,
    that working each character, word and tag out as asked gives (its weights are learnt on them)."""
    _same_features(text)


def test_features_are_made_as_the_plain_way_makes_them_on_pages() -> None:
    texts = [SAMPLE_PAGE.read_text(encoding="utf-8")]
    path = shared_path("data", "polyphones-news-dev.jsonl")
    texts += [json.loads(line)["sentence"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert sum(_same_features(clause) for text in texts for clause in readings._clauses(text)) > 10_000


@given(st.text(alphabet="中文读报 \n\t\u3000a。", max_size=40))
@example("发 挥\n作用  中\n\n国 ab c\u3000。")
@settings(max_examples=300, deadline=None)
def test_ocr_gaps_are_taken_out_as_the_plain_way_takes_them(text: str) -> None:
    """The text as read (OCR's spaces and line wraps inside a word removed) and where each of its
    characters stands, cut between the gaps, as flagging every code point gives them."""
    assert readings._reading_view(text) == reading_view_reference(text)


def test_ocr_gaps_are_taken_out_as_the_plain_way_takes_them_on_pages() -> None:
    pages = sorted(shared_path("data", "pages-dev").glob("page-*.txt"))[:20]
    views = [readings._reading_view(p.read_text(encoding="utf-8")) for p in pages]
    assert views == [reading_view_reference(p.read_text(encoding="utf-8")) for p in pages]
    # The pages hold gaps: the comparison is not of texts left as they were.
    assert sum(index is not None for _, index in views) > 10


@given(st.text(alphabet=_NAMES + _POLYPHONES + _OTHERS + "abcXYZ019 .%-", max_size=40))
@example("邱小军说，单晓明和曾安舒说解廷凡来了")
@example("小明ab1.5%军")
@settings(max_examples=300, deadline=None)
def test_the_name_finders_hmm_cuts_as_jiebas(text: str) -> None:
    """The name finder runs jieba's HMM (``finalseg.cut``) through its own Viterbi walk (back
    pointers instead of copied paths): the same words, also where jieba forces a word apart."""
    from jieba import finalseg

    assert list(segmenter._hmm_cut(finalseg, text)) == list(finalseg.cut(text))
    saved = finalseg.Force_Split_Words
    finalseg.Force_Split_Words = {"小军", "晓明"}
    try:
        assert list(segmenter._hmm_cut(finalseg, text)) == list(finalseg.cut(text))
    finally:
        finalseg.Force_Split_Words = saved
