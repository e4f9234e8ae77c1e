"""An export reads its highlights a group of pages at a time (issue 11): the same items, and the
same re-anchoring written, as opening every page would give; and each annotation is written as
the JSON encoder would write its dict."""

from __future__ import annotations

import itertools
import json
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, sample_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models.annotations.exchange import (
    ExportItem,
    iter_collect,
    page_by_page,
    source_iri,
    to_annotation,
    w3c_bytes,
)
from models.annotations.exchange_tables import csv_bytes, markdown_bytes
from models.annotations.exchange_writing import Sources, annotation_json, iso
from models.annotations.records import CategoryInfo, HighlightInfo
from models.library.records import IssueInfo, PageInfo

pytestmark = pytest.mark.engines

#: A second issue: the astral page with a line more (a file already in the library is skipped).
OTHER_PAGE = ASTRAL_PAGE + "\n本报记者 𠀀明 摄\n"


def _library(folder: Path):
    annotations, page_ids = library_with(folder, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    other = folder / "other"
    other.mkdir()
    (other / "page-1.txt").write_text(OTHER_PAGE, encoding="utf-8")
    annotations.library.import_paths([other])
    issues = annotations.library.issues()
    page_ids += [p.id for i in issues for p in annotations.library.pages(i.id) if p.id not in page_ids]
    return annotations, page_ids, [i.id for i in issues]


highlight_recipe = st.tuples(
    st.integers(0, 2),  # page
    st.floats(0, 1),  # section
    st.floats(0, 1),  # start
    st.integers(1, 8),  # length
    st.integers(0, 8),  # category
    st.sets(st.sampled_from(["活动", "口号", "村", "a b", "Zz"]), max_size=3),
    st.sampled_from(["", "全区的口号", "第一段\n\n*第二段*"]),
    st.booleans(),  # deleted
)
#: What else happens to a highlight: nothing, its text hash or offsets changed behind its back
#: (a page parsed again by another parser), marked unanchored, its section gone.
tamper_recipe = st.tuples(st.integers(0, 400), st.sampled_from(["hash", "offsets", "unanchored", "section"]))
correction_recipe = st.tuples(
    st.integers(0, 2),
    st.floats(0, 1),
    st.floats(0, 1),
    st.integers(0, 4),
    st.sampled_from(["", "改", "𠀀𠀀"]),
    st.booleans(),
)


def _make(annotations, page_ids, highlights, tampers, corrections) -> None:
    pages = [annotations.open_page(p) for p in page_ids]
    cats = [c.id for c in annotations.categories()]
    made = []
    for page_n, section_f, start_f, length, cat, tags, note, deleted in highlights:
        page = pages[page_n]
        section = min(int(section_f * len(page.texts)), len(page.texts) - 1)
        text = page.texts[section]
        if len(text) < 2:
            continue
        start = min(int(start_f * len(text)), len(text) - 1)
        end = min(start + length, len(text))
        h = annotations.create(page, section, start, end, cats[cat % len(cats)], tags=sorted(tags), note=note)
        made.append(h.id)
        if deleted:
            annotations.delete(h.id)
    db = annotations.library.database
    for n, kind in tampers:
        if not made:
            break
        hid = made[n % len(made)]
        if kind == "hash":
            db.execute_sql("UPDATE highlight SET text_hash = ? WHERE id = ?", ["0" * 64, hid])
        elif kind == "offsets":
            db.execute_sql(
                'UPDATE highlight SET start = start + 1, "end" = "end" + 1, text_hash = ? WHERE id = ?',
                ["1" * 64, hid],
            )
        elif kind == "unanchored":
            db.execute_sql("UPDATE highlight SET anchor_state = ? WHERE id = ?", ["unanchored", hid])
        else:
            db.execute_sql("UPDATE highlight SET section_id = NULL WHERE id = ?", [hid])
    for page_n, section_f, start_f, length, replacement, revert in corrections:
        page = annotations.open_page(page_ids[page_n])
        section = min(int(section_f * len(page.texts)), len(page.texts) - 1)
        text = page.texts[section]
        if not text:
            continue  # an earlier correction deleted the whole section: nothing there to correct
        start = min(int(start_f * len(text)), len(text))
        end = min(start + length, len(text))
        result = annotations.library.correct(page_ids[page_n], section, start, end, replacement)
        if revert and result.corrections:
            annotations.library.revert_correction(result.corrections[0].id)


def _rows(annotations) -> list[tuple]:
    return list(
        annotations.library.database.execute_sql(
            'SELECT id, section_id, start, "end", exact, prefix, suffix, text_hash, anchor_state, deleted '
            "FROM highlight ORDER BY id"
        ).fetchall()
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    highlights=st.lists(highlight_recipe, max_size=30),
    tampers=st.lists(tamper_recipe, max_size=6),
    corrections=st.lists(correction_recipe, max_size=3),
    one_issue=st.booleans(),
)
# A section whose whole text the first correction deleted (found by a random run).
@example(
    highlights=[],
    tampers=[],
    corrections=[(1, 0.0, 0.0, 4, "", False), (1, 0.0, 0.0, 0, "", False)],
    one_issue=False,
)
def test_reading_pages_in_bulk_gives_what_opening_each_page_gives(
    tmp_path: Path, highlights, tampers, corrections, one_issue
) -> None:
    """Same items (records, pages, sections, titles, categories) in the same order, and the
    highlights placed again and saved exactly as opening each page does: after the bulk read,
    opening every page finds nothing left to place."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    annotations, page_ids, issue_ids = _library(folder)
    try:
        _make(annotations, page_ids, highlights, tampers, corrections)
        issue = issue_ids[0] if one_issue else None
        fast = list(iter_collect(annotations, issue))
        after_fast = _rows(annotations)
        plain = list(page_by_page(annotations, issue))
        assert _rows(annotations) == after_fast
        assert fast == plain
        assert w3c_bytes(fast, "t").split(b"\n")[2:] == w3c_bytes(plain, "t").split(b"\n")[2:]
        assert csv_bytes(fast) == csv_bytes(plain)
        assert markdown_bytes(fast, "t") == markdown_bytes(plain, "t")
    finally:
        annotations.library.close()


def test_pages_shown_as_stored_are_read_without_opening_them(tmp_path: Path, monkeypatch) -> None:
    """The bulk read is what the export uses: only a page with a correction in force (or a
    highlight to place again) is opened."""
    annotations, page_ids, _ = _library(tmp_path)
    try:
        _make(annotations, page_ids, [(n % 3, 0.5, 0.2, 3, n, {"村"}, "", False) for n in range(9)], [], [])
        annotations.library.correct(page_ids[1], 0, 0, 1, "改")
        opened: list[int] = []
        real = annotations.open_page
        monkeypatch.setattr(annotations, "open_page", lambda page_id: opened.append(page_id) or real(page_id))
        items = list(iter_collect(annotations))
        assert opened == [page_ids[1]]
        assert len(items) == 9
        assert {i.page.id for i in items} == set(page_ids)
    finally:
        annotations.library.close()


texts = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ['"引号"\\', "\u2028\x00\t", "𠀀"]
)
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1))


@st.composite
def export_items(draw) -> ExportItem:
    start = draw(st.integers(0, 10**6))
    highlight = HighlightInfo(
        id=1,
        uuid=draw(st.uuids()).hex if draw(st.booleans()) else str(draw(st.uuids())),
        page_id=1,
        section_id=draw(st.none() | st.integers(1, 9)),
        start=start,
        end=start + draw(st.integers(0, 50)),
        exact=draw(texts),
        prefix=draw(texts),
        suffix=draw(texts),
        text_hash="",
        category_id=1,
        created=draw(moments),
        updated=draw(moments) + timedelta(microseconds=draw(st.integers(0, 999_999))),
        anchored=draw(st.booleans()),
        tags=tuple(draw(st.lists(texts, max_size=3))),
        note=draw(texts),
    )
    issue = IssueInfo(
        id=1,
        paper=draw(texts),
        date=draw(st.none() | texts),
        title="",
        page_count=None,
        pages=1,
        created=datetime.min,
    )
    page = PageInfo(
        id=1,
        issue_id=1,
        number=None,
        name=draw(texts),
        position=0,
        source_path=None,
        sha256="ab" * 32,
        parser_version="",
    )
    category = CategoryInfo(id=1, name=draw(texts), light_colour="#ffffff", dark_colour="#000000", position=0)
    return ExportItem(highlight, issue, page, draw(st.none() | st.integers(0, 30)), draw(texts), category)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(export_items(), min_size=1, max_size=4), repeats=st.integers(1, 3))
def test_an_annotation_is_written_as_the_json_encoder_writes_its_dict(items, repeats) -> None:
    dump = json.JSONEncoder(ensure_ascii=False).encode
    sources = Sources()
    for item in itertools.chain.from_iterable(itertools.repeat(i, repeats) for i in items):
        source = sources(item)
        assert source == source_iri(item.issue, item.page, item.section_index)
        text = annotation_json(item, source)
        assert text == dump(to_annotation(item))
        assert json.loads(text) == to_annotation(item)


@given(moment=moments, micro=st.integers(0, 999_999))
def test_times_are_written_to_the_second(moment: datetime, micro: int) -> None:
    moment = moment.replace(microsecond=micro)
    assert iso(moment) == moment.replace(microsecond=0).isoformat() + "Z"
