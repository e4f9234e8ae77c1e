"""A reader's place (caret, selection, first line in view) stays on the same words when a
colleague's correction or structure edit changes the page under it (issue 13, live updates).
On a file and on the server; a hypothesis property over the page's layout."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, find, texts

from models.library.records import CorrectionInfo
from models.parser import parse_page
from models.proofreading.layout import build_layout, layout_of
from models.proofreading.places import follow_places


def at(library, page_id, place) -> str:
    """The words that follow a place on the page as it reads now."""
    section, offset = place
    return texts(library, page_id)[section][offset : offset + 4]


@pytest.mark.engines
def test_a_caret_stays_before_its_words_when_a_colleague_inserts_text_before_it(two_editors) -> None:
    wang, li, page_id = two_editors
    before = layout_of(wang.page(page_id))
    section, start, _ = find(wang, page_id, "狠抓")
    selection = [find(wang, page_id, "问题导向")[i] for i in (1, 2)]
    at_ = find(li, page_id, "示范区召开")
    li.correct(page_id, at_[0], at_[1], at_[1], "焦作市")  # three characters more, before the caret
    after = layout_of(wang.page(page_id))
    caret, first, last = follow_places(before, after, [(section, start), *((section, o) for o in selection)])
    assert at(wang, page_id, caret) == "狠抓工作"
    assert caret[1] == start + 3  # the old offset would now stand on other words
    assert texts(wang, page_id)[first[0]][first[1] : last[1]] == "问题导向"


@pytest.mark.engines
def test_a_caret_before_a_word_the_colleague_corrected_stays_before_the_correction(two_editors) -> None:
    wang, li, page_id = two_editors
    before = layout_of(wang.page(page_id))
    place = find(wang, page_id, "狠抓")[:2]
    li.correct(page_id, *find(li, page_id, "狠抓"), "紧抓")
    [now] = follow_places(before, layout_of(wang.page(page_id)), [place])
    assert at(wang, page_id, now) == "紧抓工作"
    # A word deleted after the caret: the caret stays after what stood before it.
    before = layout_of(wang.page(page_id))
    li.correct(page_id, *find(li, page_id, "紧抓"), "")
    [now] = follow_places(before, layout_of(wang.page(page_id)), [now])
    assert at(wang, page_id, now) == "工作落实"


@pytest.mark.engines
def test_a_caret_follows_its_words_into_a_paragraph_or_article_a_colleague_split_off(two_editors) -> None:
    wang, li, page_id = two_editors
    before = layout_of(wang.page(page_id))
    place = find(wang, page_id, "大家表示")[:2]
    li.split_paragraph(page_id, *find(li, page_id, "狠抓")[:2])
    li.split_section(page_id, *find(li, page_id, "与会人员")[:2])
    [now] = follow_places(before, layout_of(wang.page(page_id)), [place])
    assert now[0] == place[0] + 1 and at(wang, page_id, now) == "大家表示"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_raw_character_keeps_its_place_through_any_correction_elsewhere(data) -> None:
    """Property: a colleague's correction that leaves a character alone never moves a place
    before that character onto other words."""
    raw = TWO_ARTICLES
    parsed = parse_page(raw).sections
    before = build_layout(raw, parsed, [])
    sources = [(s, i, o) for s in range(len(before.blocks)) for i, o in enumerate(before.char_sources(s))]
    section, offset, kept = data.draw(st.sampled_from([x for x in sources if x[2] is not None]))
    start = data.draw(st.integers(0, len(raw) - 1))
    end = data.draw(st.integers(start, min(len(raw), start + 6)))
    if start <= kept < end or (start == end == kept):
        end = start  # an insertion at the kept character's own place still leaves it shown
    replacement = data.draw(st.text(alphabet="焦作市新闻", min_size=0 if start < end else 1, max_size=5))
    correction = CorrectionInfo(1, 1, start, end, replacement, "李", datetime(2026, 1, 1))
    if start < end and start <= kept < end:
        return
    after = build_layout(raw, parsed, [correction])
    [now] = follow_places(before, after, [(section, offset)])
    assert now is not None
    assert after.char_sources(now[0])[now[1]] == kept
