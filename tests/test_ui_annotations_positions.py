"""Highlight offsets cross the Qt boundary exactly: code points in the core, UTF-16 in the column."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.annotations.records import HighlightInfo
from models.annotations.texts import section_text
from models.section import Section
from models.text import MappedText
from ui.annotations.highlight_painter import segments
from ui.annotations.highlight_positions import SectionPositions
from ui.common.settings import ReaderLayout
from ui.common.theme import LIGHT
from ui.reader.page_style import PageStyle
from ui.reader.section_view import SectionColumn

chars = st.sampled_from("中文报纸，。a1 𠀀𠀁𪚥😀")
texts = st.text(alphabet=chars, min_size=0, max_size=12)


def mapped(text: str) -> MappedText:
    return MappedText(text, list(range(len(text))))


def make_section(heading: str, paragraphs: list[str]) -> Section:
    return Section(kind="article", heading=mapped(heading), paragraphs=[mapped(p) for p in paragraphs])


def document_slice(column: SectionColumn, start: int, end: int) -> str:
    """The column's text between two document positions, with block breaks as line breaks."""
    plain = column.document().toPlainText()  # QString positions are UTF-16 units
    units = plain.encode("utf-16-le")[2 * start : 2 * end]
    return units.decode("utf-16-le").replace("\u2029", "\n")


@pytest.fixture(scope="module")
def style(qapp) -> PageStyle:
    return PageStyle(ReaderLayout(), LIGHT, "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(heading=texts, paragraphs=st.lists(texts, max_size=4))
def test_every_section_offset_maps_to_the_same_characters_in_the_column(style, heading, paragraphs) -> None:
    section = make_section(heading, paragraphs)
    text = section_text(section)
    column = SectionColumn(section, 0, style)
    try:
        positions = SectionPositions(column)
        assert positions.length == len(text)
        for offset in range(len(text) + 1):
            assert positions.to_section(positions.to_document(offset)) == offset
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + 4) + 1):
                assert document_slice(column, *positions.span_to_document(start, end)) == text[start:end]
    finally:
        column.deleteLater()


def test_astral_characters_take_two_positions_in_the_column_and_one_in_the_core(style) -> None:
    section = make_section("𠀀城新闻", ["本报讯 𠀀明报道", "参观了𠀀家庄"])
    text = section_text(section)
    assert text == "𠀀城新闻\n本报讯 𠀀明报道\n参观了𠀀家庄"
    column = SectionColumn(section, 0, style)
    positions = SectionPositions(column)
    start = text.index("𠀀家庄")
    doc_start, doc_end = positions.span_to_document(start, start + 3)
    assert doc_end - doc_start == 4  # three characters, four UTF-16 units
    assert doc_start == start + 2  # two astral characters before it in the section
    # A selection made in Qt comes back as code points.
    from PySide6.QtGui import QTextCursor

    cursor = column.textCursor()
    cursor.setPosition(doc_start)
    cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
    column.setTextCursor(cursor)
    assert positions.selection() == (start, start + 3)
    column.deleteLater()


def highlight(hid: int, start: int, end: int) -> HighlightInfo:
    now = datetime(2026, 1, 1)
    return HighlightInfo(hid, f"u{hid}", 1, 1, start, end, "x", "", "", "", 1, now, now)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=8))
def test_overlaps_split_into_stretches_that_name_every_covering_highlight(spans) -> None:
    marks = [highlight(i + 1, s, s + n) for i, (s, n) in enumerate(spans)]
    stretches = segments(marks)
    for start, end, covering in stretches:
        assert start < end
        assert {h.id for h in covering} == {h.id for h in marks if h.start <= start and end <= h.end}
        lengths = [h.end - h.start for h in covering]
        assert lengths == sorted(lengths)  # innermost first: it gives the colour
    covered = {p for h in marks for p in range(h.start, h.end)}
    assert {p for s, e, _ in stretches for p in range(s, e)} == covered
