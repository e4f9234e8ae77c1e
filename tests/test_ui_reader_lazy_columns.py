"""A page of many columns: the columns out of view are laid out and painted once scrolled to.

What a reader notices: every column shows its text and highlights when it comes into view
(scrolling the strip, Right, find, a highlight chosen in the panel), and opening the page does
not wait for the columns nobody sees yet (issue 11).
"""

from __future__ import annotations

from pathlib import Path

from annotation_pages import open_test_issue


def test_columns_out_of_view_wait_and_show_text_and_highlights_when_scrolled_to(
    qtbot, library_window, tmp_path: Path
):
    win = library_window
    pages = open_test_issue(win, tmp_path)
    assert win.open_library_page(pages["sample.txt"])
    view, session = win.page_view, win.annotation_session
    strip = [c for c in view.columns if not c.is_masthead]
    shown = [c for c in strip if not c.isHidden()]
    assert shown and len(shown) < len(strip)  # 20 columns: only those in view are shown
    last = len(view.columns) - 1
    words = session.page.texts[last][:4]
    category = session.annotations.category_named("要点")
    session.mark(last, 0, 4, category.id)
    painter = session.painters[last]
    assert view.columns[last].isHidden() and painter._stale  # painted once it is in view
    bar = view.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # the strip is laid out
    bar.setValue(bar.maximum())  # the reader scrolls to the page's end
    qtbot.waitUntil(lambda: not view.columns[last].isHidden(), timeout=5000)
    assert view.columns[last].plain_text().startswith(words)
    qtbot.waitUntil(lambda: not painter._stale, timeout=5000)
    assert painter.background_at(1) == category.colour(False).lower()


def test_moving_into_a_hidden_column_shows_it(qtbot, library_window, tmp_path: Path):
    win = library_window
    pages = open_test_issue(win, tmp_path)
    assert win.open_library_page(pages["sample.txt"])
    view = win.page_view
    hidden = next(n for n, c in enumerate(view.columns) if c.isHidden())
    assert view.focus_column(hidden)
    assert not view.columns[hidden].isHidden() and view.columns[hidden].hasFocus()


def test_a_page_opened_with_highlights_lays_out_only_the_columns_in_view(
    qtbot, library_window, tmp_path: Path
):
    """The highlights' painters watch every column without laying out the hidden ones' text:
    a highlight on a column out of view shows once the reader scrolls to it."""
    from PySide6.QtWidgets import QTextEdit

    win = library_window
    pages = open_test_issue(win, tmp_path)
    assert win.open_library_page(pages["sample.txt"])
    session = win.annotation_session
    last = len(win.page_view.columns) - 1
    words = session.page.texts[last][:4]
    category = session.annotations.category_named("要点")
    session.mark(last, 0, 4, category.id)
    assert win.open_library_page(pages["astral.txt"])
    assert win.open_library_page(pages["sample.txt"])  # opened anew: its highlights read from the library
    view = win.page_view
    column, painter = view.columns[last], session.painters[last]
    hidden = [c for c in view.columns if c.isHidden() and not c.is_masthead]
    assert column in hidden and painter.highlights  # the highlight is there, its column out of view
    assert all(QTextEdit.document(c).isEmpty() for c in hidden)  # no text laid out for them yet
    bar = view.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not column.isHidden(), timeout=5000)
    assert column.plain_text().startswith(words)
    qtbot.waitUntil(lambda: not painter._stale, timeout=5000)
    assert painter.background_at(1) == category.colour(False).lower()
