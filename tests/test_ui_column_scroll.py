"""Moving through the columns with the keyboard never leaves the column it came from cut down
its middle at the view's edge (the Annotations dock open: two columns do not fit beside the
left dock, and the column before the one moved to showed half)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import QPoint


def _place(view, column) -> str:
    """Whether the column is whole, cut or out of the strip's view."""
    bar = view.scroll.horizontalScrollBar()
    left = column.mapTo(view.strip, QPoint(0, 0)).x() - bar.value()
    right = left + column.width()
    width = view.scroll.viewport().width()
    if left >= 0 and right <= width:
        return "whole"
    if right <= 0 or left >= width:
        return "out"
    return "cut"


@pytest.mark.parametrize("columns_in_view", [1.5, 2.6])
def test_the_column_the_keyboard_left_is_whole_or_out_of_view(
    qtbot, library_window, tmp_path: Path, columns_in_view: float
):
    win = library_window
    pages = open_test_issue(win, tmp_path)
    assert win.open_library_page(pages["sample.txt"])
    view = win.page_view
    strip = [n for n, c in enumerate(view.columns) if not c.is_masthead]
    width = view.columns[strip[0]].width()
    spare = view.scroll.width() - view.scroll.viewport().width()
    view.scroll.setFixedWidth(int(width * columns_in_view) + spare)
    bar = view.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    view.focus_column(strip[0])
    qtbot.wait(20)
    seen = []
    for step, numbers in ((1, strip[1:8]), (-1, strip[6::-1])):
        for number in numbers:
            win.next_column_action.trigger() if step > 0 else win.previous_column_action.trigger()
            qtbot.wait(20)  # the scroll again once the layout has settled
            assert view.active == number
            came_from = view.columns[number - step]
            at_end = bar.value() in (bar.minimum(), bar.maximum())  # no further to scroll
            seen.append((number, _place(view, view.columns[number]), _place(view, came_from), at_end))
    assert all(here == "whole" for _n, here, _there, _end in seen), repr(seen)
    assert all(there != "cut" or end for _n, _here, there, end in seen), repr(seen)
    if columns_in_view > 2:  # both fit: the column before is shown whole with it
        assert all(there == "whole" for _n, _here, there, _end in seen), repr(seen)
