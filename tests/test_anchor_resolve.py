"""Re-anchoring highlights after the text was corrected, re-parsed or edited."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from models.anchoring import make_anchor, resolve

# A real-looking article: paragraphs, numbers, an astral character (𠀀), and short phrases
# used more than once (疫情防控, 武汉, 医疗队) the way news text reuses them.
ARTICLE = "\n".join(
    [
        "军队增派医护人员支援武汉抗击新冠肺炎疫情",
        "新华社北京2月13日电 经中央军委主席批准，军队增派2600名医护人员支援武汉抗击新冠肺炎疫情，"
        "参照火神山医院运行模式，承担泰康同济医院、湖北省妇幼保健院光谷院区的医疗救治任务。",
        "这是继1月24日除夕夜军队派出3支医疗队450人赴武汉以来，第三批次的派遣。各医疗队迅速集结，"
        "按照疫情防控的统一部署，在抵达后立即展开培训，熟悉流程与防护要求。𠀀字病区已经收治首批患者。",
        "截至目前，军队共派出3批次4000余名医护人员支援湖北。有关负责人表示，要坚持科学防治、"
        "精准施策，把疫情防控各项措施落细落实，同时做好后勤保障，确保医疗队员安全。",
        "据了解，新组建的医疗队由来自陆军、海军、空军、火箭军、战略支援部队和联勤保障部队的人员组成，"
        "其中不少人参加过抗击非典、埃博拉等任务，具有丰富的传染病救治经验。武汉的疫情防控工作正处在关键阶段。",
    ]
)


def anchored(text: str, start: int, end: int) -> list[dict]:
    return make_anchor(text, start, end).to_w3c()


def span_of(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = ARTICLE.index(words, start + 1)
    return start, start + len(words)


def test_an_unchanged_text_gives_back_the_same_place() -> None:
    start, end = span_of("第三批次的派遣")
    assert resolve(ARTICLE, anchored(ARTICLE, start, end)) == (start, end)


def test_a_correction_inside_the_highlight_keeps_it_on_the_same_words() -> None:
    start, end = span_of("熟悉流程与防护要求")
    corrected = ARTICLE[: start + 2] + "己" + ARTICLE[start + 3 :]  # an OCR lookalike fixed
    assert len(corrected) == len(ARTICLE)
    assert resolve(corrected, anchored(ARTICLE, start, end)) == (start, end)


def test_a_one_character_highlight_that_was_corrected_stays_put() -> None:
    start, end = span_of("批准")
    corrected = ARTICLE[:start] + "拨" + ARTICLE[start + 1 :]
    assert resolve(corrected, anchored(ARTICLE, start, start + 1)) == (start, start + 1)


def test_text_added_before_shifts_the_highlight_exactly() -> None:
    start, end = span_of("具有丰富的传染病救治经验")
    added = "（本报记者 𠀀𠀀 报道）"
    edited = ARTICLE[:10] + added + ARTICLE[10:]
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start + len(added), end + len(added))


def test_text_cut_right_before_the_highlight_shifts_it_back() -> None:
    start, end = span_of("同时做好后勤保障")
    edited = ARTICLE[: start - 12] + ARTICLE[start:]
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start - 12, end - 12)


def test_a_moved_paragraph_takes_its_highlights_along() -> None:
    paragraphs = ARTICLE.split("\n")
    moved = "\n".join([paragraphs[3], *paragraphs[:3], paragraphs[4]])  # a paragraph put on top
    start, end = span_of("精准施策")
    new_start = moved.index("精准施策")
    assert new_start != start
    assert resolve(moved, anchored(ARTICLE, start, end)) == (new_start, new_start + 4)


def test_repeated_words_are_told_apart_by_their_context() -> None:
    # 疫情防控 occurs three times; the highlight is on the second, and text is added above it.
    start, end = span_of("疫情防控", nth=1)
    edited = "【要闻】" + ARTICLE
    assert edited.count("疫情防控") == 3
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start + 4, end + 4)


def test_a_copy_of_the_words_added_elsewhere_does_not_capture_the_highlight() -> None:
    start, end = span_of("精准施策")
    edited = ARTICLE[:30] + "另据报道，精准施策。" + ARTICLE[30:]
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start + 10, end + 10)


def test_a_deleted_passage_is_unanchored() -> None:
    start, end = span_of("其中不少人参加过抗击非典")
    edited = ARTICLE[: start - 3] + ARTICLE[end + 5 :]
    assert resolve(edited, anchored(ARTICLE, start, end)) is None


def test_deleted_words_that_also_occur_elsewhere_are_not_moved_there() -> None:
    # The highlight's 疫情防控 is cut; the other two occurrences have other neighbours.
    start, end = span_of("疫情防控", nth=1)
    edited = ARTICLE[: start - 2] + ARTICLE[end + 6 :]
    assert edited.count("疫情防控") == 2
    assert resolve(edited, anchored(ARTICLE, start, end)) is None


def test_identical_passages_without_a_position_are_ambiguous() -> None:
    paragraph = ARTICLE.split("\n")[2]
    doubled = ARTICLE + "\n" + paragraph + "\n" + ARTICLE
    quote = anchored(ARTICLE, *span_of("迅速集结"))[0]  # quote and context only, no position
    assert resolve(doubled, [quote]) is None


def test_a_character_restored_inside_the_quote_lengthens_the_highlight() -> None:
    start, end = span_of("熟悉流程与防护要求")
    damaged = ARTICLE.replace("流程与防护", "流程防护")  # OCR dropped a character
    fixed = ARTICLE
    new_start = damaged.index("熟悉流程防护要求")
    assert resolve(fixed, anchored(damaged, new_start, new_start + 8)) == (start, end)
    assert resolve(damaged, anchored(fixed, start, end)) == (new_start, new_start + 8)


def test_offsets_are_code_points_around_astral_characters() -> None:
    start, end = span_of("𠀀字病区")
    edited = "𠀀" * 3 + ARTICLE
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start + 3, end + 3)


def test_a_position_alone_is_returned_only_if_it_fits() -> None:
    position = [{"type": "TextPositionSelector", "start": 3, "end": 9}]
    assert resolve(ARTICLE, position) == (3, 9)
    assert resolve("短文", position) is None


def test_an_anchor_made_on_the_same_text_needs_no_search() -> None:
    anchor = make_anchor(ARTICLE, 10, 20)
    assert resolve(ARTICLE, anchor) == (10, 20)
    assert resolve("【要闻】" + ARTICLE, anchor) == (14, 24)


# Characters that do not occur in the article, for edits that bring in new words.
NEW_WORDS = st.text(alphabet="乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥𠀁𠀂", min_size=1, max_size=40)
SPANS = st.tuples(st.integers(0, len(ARTICLE) - 1), st.sampled_from([1, 2, 3, 4, 6, 8, 12, 20, 40]))


def _span(start_length: tuple[int, int]) -> tuple[int, int]:
    start, length = start_length
    end = min(len(ARTICLE), start + length)
    assume(ARTICLE[start:end].strip())
    return start, end


@settings(max_examples=150, deadline=None)
@given(SPANS)
def test_every_span_of_an_unchanged_text_anchors_to_itself(start_length: tuple[int, int]) -> None:
    start, end = _span(start_length)
    quote_and_context = anchored(ARTICLE, start, end)[:1]  # without the position: a real search
    assert resolve(ARTICLE, quote_and_context) == (start, end)


@settings(max_examples=150, deadline=None)
@given(SPANS, NEW_WORDS, st.floats(0, 1))
def test_inserting_new_words_before_a_span_shifts_it_exactly(
    start_length: tuple[int, int], words: str, where: float
) -> None:
    start, end = _span(start_length)
    at = int(where * start)
    edited = ARTICLE[:at] + words + ARTICLE[at:]
    assert resolve(edited, anchored(ARTICLE, start, end)) == (start + len(words), end + len(words))


@settings(max_examples=150, deadline=None)
@given(SPANS, st.integers(0, 39), st.sampled_from("己已巳戌戍拨侯"))
def test_one_corrected_character_inside_a_span_keeps_it_in_place(
    start_length: tuple[int, int], offset: int, lookalike: str
) -> None:
    start, end = _span(start_length)
    at = start + offset % (end - start)
    assume(ARTICLE[at] != lookalike and ARTICLE[at] != "\n")
    corrected = ARTICLE[:at] + lookalike + ARTICLE[at + 1 :]
    assert resolve(corrected, anchored(ARTICLE, start, end)) == (start, end)


@pytest.mark.parametrize("length", [1, 4, 12, 40])
def test_a_deleted_span_of_any_length_is_unanchored(length: int) -> None:
    start = ARTICLE.index("有关负责人表示")
    end = start + length
    edited = ARTICLE[: start - 2] + ARTICLE[end + 2 :]
    assert resolve(edited, anchored(ARTICLE, start, end)) is None
