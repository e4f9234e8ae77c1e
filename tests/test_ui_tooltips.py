"""Document text in a tooltip shows as written: never read as markup, and an escaped ``&`` or
quote does not show as ``&amp;`` (Qt reads a tooltip as rich text only when it looks like it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's namespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from ui.common.tooltips import tooltip

# What a page, a note or a headline may hold: markup-like characters, CJK, spaces (no line
# separators: a tooltip shows a line break for \r, \n and U+2028 alike).
TEXT = st.lists(
    st.sampled_from(list("&<>\"'; #x/=ab 的发挥𠀀") + ["&amp;", "<b>", "</b>", "<img src=x>"]),
    max_size=20,
).map("".join)


def shown_tooltip(tip: str) -> str:
    """The text a user reads in a tooltip: Qt's own choice between plain and rich text."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


@pytest.fixture(scope="module", autouse=True)
def app() -> QApplication:
    return QApplication.instance() or QApplication([])


@pytest.mark.parametrize("text", ["A & B", 'say "hi"', "it's", "a > b", "<b>粗体</b>", "发 挥  产业"])
def test_a_tooltip_shows_its_text_as_written(text: str) -> None:
    assert shown_tooltip(tooltip(text)) == text


def test_line_breaks_stay_line_breaks() -> None:
    assert shown_tooltip(tooltip("第一行\n第二行")) == "第一行\n第二行"


def test_a_headline_is_one_line_and_a_long_note_wraps() -> None:
    from PySide6.QtWidgets import QLabel

    def lines(tip: str) -> int:
        label = QLabel(tip)  # as QToolTip shows it: a label that wraps rich text
        label.setWordWrap(GuiQt.mightBeRichText(tip))
        label.adjustSize()
        return round(label.height() / label.fontMetrics().lineSpacing())

    assert lines(tooltip('R&D 投入 "翻番" > 预期')) == 1
    assert lines(tooltip("研发投入继续增长，" * 30)) > 1


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_shows_as_written(text: str) -> None:
    assert shown_tooltip(tooltip(text)) == text
