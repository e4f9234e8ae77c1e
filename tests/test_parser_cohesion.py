"""Lexical cohesion: where the page's paragraphs change topic, the article decoder sees it."""

from __future__ import annotations

from models.parser.cohesion import Cohesion

# Two stories set one after the other with nothing between them: a community worker (王琼)
# and a tunnel (松山隧道). Words both use (疫情, 工作) say nothing about where one ends.
PARAS = [
    "社区党委书记王琼每天走访居民，疫情期间工作从早忙到晚。",
    "王琼说，社区里老人多，买菜买药都要有人帮，疫情面前不能退。",
    "居民们说，王琼的右腿不听使唤，还是每天上门，社区工作一件不落。",
    "松山隧道是延崇高速公路的控制性工程，疫情期间工作没有停。",
    "松山隧道最大埋深七百多米，施工人员在洞里一干就是一整天。",
    "建设者们说，松山隧道打通之后，延崇高速公路就能全线贯通。",
]


def test_a_paragraph_shares_more_with_its_own_story_than_with_the_one_before() -> None:
    coh = Cohesion(list(PARAS))
    # The third paragraph goes on with the first two (王琼); the fourth opens another story.
    assert coh.back(2, 0) > coh.back(3, 0)
    # Once the tunnel story has begun, its later paragraphs go on with it.
    assert coh.back(4, 3) > coh.back(3, 0)


def test_the_topic_shift_is_lowest_at_the_gap_between_the_stories() -> None:
    coh = Cohesion(list(PARAS))
    shifts = {i: coh.shift(i) for i in range(1, len(PARAS))}
    assert min(shifts, key=shifts.get) == 3


def test_titles_are_left_out_and_a_page_without_paragraphs_scores_nothing() -> None:
    coh = Cohesion([None, PARAS[0], None, PARAS[1]])
    assert coh.back(3, 0) == coh.back(3, 1) > 0.0
    assert coh.shift(0) == 0.0
    empty = Cohesion([None, None])
    assert empty.shift(1) == 0.0
