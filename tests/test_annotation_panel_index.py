"""The panel's in-memory index answers every filter exactly as the SQL query does, and keeps up."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, mark, sample_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.annotations.finder import SORTS, Filter
from models.library.schema import Highlight


@pytest.fixture(scope="module")
def populated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("panel")
    annotations, page_ids = library_with(folder, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    rng = random.Random(3)
    cats = [c.id for c in annotations.categories()]
    words = ["金融", "Word", "word", "𠀀", "会议", "100%", "a_b"]
    for page_id in page_ids:
        page = annotations.open_page(page_id)
        for n in range(60):
            section = rng.randrange(len(page.texts))
            text = page.texts[section]
            start = rng.randrange(max(1, len(text) - 5))
            tags = rng.sample(["甲", "乙", "丙", "丁"], rng.randint(0, 2))
            note = rng.choice(["", "", f"注 {rng.choice(words)}"])
            h = annotations.create(
                page, section, start, min(len(text), start + rng.randint(1, 5)), rng.choice(cats), tags, note
            )
            if n % 9 == 0:
                annotations.delete(h.id)
    # Spread the creation dates over a month, and make a few unanchored.
    base = datetime(2026, 3, 1)
    for h in Highlight.select(Highlight.id):
        Highlight.update(created=base + timedelta(hours=rng.randrange(24 * 30))).where(
            Highlight.id == h.id
        ).execute()
    Highlight.update(anchor_state="unanchored").where(Highlight.id % 11 == 0).execute()
    yield annotations, page_ids
    annotations.library.close()


FILTERS = st.builds(
    Filter,
    page_id=st.sampled_from([None, 1, 2]),
    issue_id=st.sampled_from([None, 1]),
    category_ids=st.frozensets(st.integers(1, 6), max_size=3),
    tag_ids=st.frozensets(st.integers(1, 4), max_size=2),
    text=st.sampled_from(["", "金融", "word", "WORD", "𠀀", "%", "_", "注", "示范区"]),
    since=st.sampled_from([None, datetime(2026, 3, 10).date()]),
    until=st.sampled_from([None, datetime(2026, 3, 20).date()]),
    anchoring=st.sampled_from(["all", "anchored", "unanchored"]),
    deleted=st.booleans(),
    sort=st.sampled_from(SORTS),
    descending=st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(FILTERS)
def test_the_index_answers_like_the_database(populated, query: Filter) -> None:
    annotations, _ = populated
    index = annotations.panel_index()
    assert index.find(query) == annotations.find(query)


def test_the_index_follows_operations_and_undo(populated) -> None:
    annotations, page_ids = populated
    index = annotations.panel_index()
    page = annotations.open_page(page_ids[1])
    h = mark(annotations, page, "𠀀家庄", "地名", tags=["新标签"], note="找得到")
    assert index.find(Filter(text="找得到")) == [h.id]
    new_tag = annotations.tag_named("新标签").id
    assert index.find(Filter(tag_ids=frozenset({new_tag}))) == [h.id]
    annotations.delete(h.id)
    assert index.find(Filter(text="找得到")) == []
    annotations.undo()
    assert index.find(Filter(text="找得到")) == [h.id]
    annotations.merge_tags(new_tag, annotations.tag_named("甲").id)
    assert h.id in index.find(Filter(tag_ids=frozenset({annotations.tag_named("甲").id})))
    annotations.undo()
    annotations.undo()
    annotations.undo()  # the highlight itself
    assert index.find(Filter(text="找得到")) == []
    assert len(index.find(Filter())) > 50 and index.find(Filter()) == annotations.find(Filter())


def test_an_issue_date_edited_elsewhere_does_not_list_a_highlight_twice(populated) -> None:
    annotations, page_ids = populated
    index = annotations.panel_index()
    index.find(Filter())  # the reading order is made
    issue_id = annotations.library.page_info(page_ids[0]).issue_id
    annotations.library.update_issue(issue_id, date="1999-01-01")
    some = annotations.find(Filter())[:3]
    index.refresh(some)
    listed = index.find(Filter())
    assert len(listed) == len(set(listed))
    index.reload()
    assert index.find(Filter()) == annotations.find(Filter())
