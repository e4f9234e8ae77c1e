"""Every character a column shows leads back to its raw character, whatever the text holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.section import Section
from models.text import MappedText
from ui.common.settings import ReaderLayout
from ui.common.theme import LIGHT
from ui.reader.page_style import PageStyle
from ui.reader.section_view import SectionColumn

# CJK, astral CJK, Latin, markup-looking characters and line separators.
alphabet = st.sampled_from(list("报纸新闻，。abc <>&\"'") + ["𠀀", "𪚥", "😀", "\u2028", "\u2029"])
words = st.text(alphabet=alphabet, min_size=1, max_size=12)


@st.composite
def sections(draw):
    parts = draw(st.lists(words, min_size=1, max_size=5))
    raw = "\n".join(parts)
    texts, start = [], 0
    for part in parts:
        texts.append(MappedText.from_raw(raw, start, start + len(part)))
        start += len(part) + 1
    heading, paragraphs = texts[0], texts[1:]
    return raw, Section(heading=heading, paragraphs=paragraphs)


@settings(max_examples=40, deadline=None)
@given(sections())
def test_each_shown_character_maps_to_its_raw_character(qapp, case):
    raw, section = case
    column = SectionColumn(section, 0, PageStyle(ReaderLayout(), LIGHT, ""))
    try:
        assert len(column.blocks) == len(section.all_texts())
        for number, ref in enumerate(column.blocks):
            umap = ref.utf16_map()
            for i, ch in enumerate(ref.text.text):
                position = ref.position + umap.to_utf16(i)
                assert column.block_at(position) == number
                offset = column.raw_offset_at(position)
                assert raw[offset] == ch
            start, end = column.block_span(number)
            cursor = column.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            shown = cursor.selectedText().replace("\u2029", "\n")
            expected = ref.text.text.replace("\n", "\u2028").replace("\u2029", "\u2028")
            assert shown.replace("\u2028", "\n") == expected.replace("\u2028", "\n")
    finally:
        column.deleteLater()
