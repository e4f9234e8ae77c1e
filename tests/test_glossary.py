"""A text's words and readings for the popup and the pinyin above characters (no Qt)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.glossary.text_words import TextWords
from models.page_file import read_page_file
from models.parser import parse_page
from tests.conftest import SAMPLE_PAGE


def _page_texts() -> list[tuple[str, list[int]]]:
    page = parse_page(read_page_file(SAMPLE_PAGE).raw)
    return [(t.text, t.source) for s in page.sections for t in s.all_texts()]


def test_a_page_read_in_one_batch_reads_like_each_text_alone():
    texts = _page_texts()
    batch = TextWords.read_many(texts)
    assert len(batch) == len(texts)
    for (text, source), words in zip(texts, batch):
        alone = TextWords.read(text, source)
        assert [(w.word, w.start, w.end) for w in words.words] == [
            (w.word, w.start, w.end) for w in alone.words
        ]
        assert words.readings == alone.readings
        assert words.source == list(source)


_HAN = st.sampled_from(list("银行长江成为了解重庆地方的一不是𠀀"))
_OTHER = st.sampled_from(list("，。 \n、ab12<>“”"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.one_of(_HAN, _OTHER), min_size=1, max_size=30), min_size=1, max_size=5))
def test_words_tile_each_text_and_readings_sit_on_han_characters(texts):
    pairs = [(t, list(range(100 * i, 100 * i + len(t)))) for i, t in enumerate(texts)]
    for (text, _), words in zip(pairs, TextWords.read_many(pairs)):
        covered = [p for w in words.words for p in w.positions]
        assert covered == sorted(covered) and len(set(covered)) == len(covered)
        # Every Chinese character belongs to a word (𠀀 too: offsets are code points).
        assert all(i in covered for i, ch in enumerate(text) if ch in "银行长江成为了解重庆地方的一不是𠀀")
        for w in words.words:
            assert "".join(text[p] for p in w.positions) == w.word
            assert words.index_at(w.positions[0]) == words.words.index(w)
        for i, reading in enumerate(words.readings):
            if reading is not None:
                assert i in covered and text[i] not in "，。 \n、ab12<>“”"


def test_overrides_and_spoken_tones_change_only_what_they_should():
    text = "为了了解重庆，你好"
    words = TextWords.read(text, list(range(50, 50 + len(text))))
    assert words.readings[:6] == ["wèi", "le", "liǎo", "jiě", "chóng", "qìng"]
    # An override is keyed by raw offset and the character it was made for.
    words.apply({54: ("重", "zhòng"), 51: ("X", "lǎo")})
    assert words.readings[4] == "zhòng" and words.readings[1] == "le"
    assert words.overridden == {4}
    words.apply({}, spoken=True)
    assert words.readings[7:] == ["ní", "hǎo"]  # 你好: third tone before third tone
    words.apply({})
    assert words.readings[7:] == ["nǐ", "hǎo"]
    assert words.sentence_at(8) == "为了了解重庆，你好"
