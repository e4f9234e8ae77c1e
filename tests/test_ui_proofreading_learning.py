"""The window's checker learns from the library as ``check --db`` does: a pair editors
corrected on one page is flagged on the next, with the shipped checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import import_test_issue
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_proofreading import caret_before, counts, proofread, select_chars, shown, type_chinese

pytest.importorskip("models.proofreading.checker")

#: 工做 is a slip for 工作 the shipped checker does not suspect (做 is no look-alike of 作):
#: three times on the first page, once on the second.
FIRST = """示范区日报

示范区召开工作推进大会

本报讯 记者王明报道 11月20日，示范区召开城乡一体化工做推进大会。

会议指出，要坚持问题导向，狠抓工做落实，确保各项任务按时完成。

会议要求，各部门要加强协作，形成合力，把这项工做抓实抓好。
"""
SECOND = """示范区日报

城乡建设提速

本报讯 记者李华报道 11月21日，示范区召开城乡一体化工做推进大会。

与会人员参观了新农村建设成果，大家表示要学习先进经验。
"""
LOAD = 120000  # the checker's tables load the first time (seconds on a busy machine)


@pytest.fixture
def window(library_window, tmp_path: Path):
    import_test_issue(library_window, tmp_path, {"a.txt": FIRST, "b.txt": SECOND})
    return library_window


def checked(qtbot, window, page_id: int) -> list[tuple[str, str | None]]:
    """The flags the window shows on the page once the checker has answered for it."""
    session = window.proofreading
    qtbot.waitUntil(
        lambda: session.flags.checked_page == page_id and not session.flags.check_timer.isActive(),
        timeout=LOAD,
    )
    return [(f.text, f.suggestion) for f in session.queue.flags]


def test_a_pair_corrected_on_one_page_is_flagged_on_the_next(qtbot, window) -> None:
    first, second = window.test_pages["a.txt"], window.test_pages["b.txt"]
    session = window.proofreading
    assert window.open_library_page(second)
    proofread(qtbot, window)
    on_second = checked(qtbot, window, second)
    assert ("做", "作") not in on_second  # nobody has corrected 工做 yet
    assert window.open_library_page(first)
    assert ("做", "作") not in checked(qtbot, window, first)
    for _ in range(3):  # the editor corrects each 工做 by hand
        column = caret_before(qtbot, window, "工做", after=1)
        select_chars(column, 1)
        type_chinese(column, "作")
    assert not any("工做" in text for text in shown(window))

    # The status bar's issue count reads the second page again: one flag more there.
    def second_counted_again() -> bool:
        here = len(session.queue.flags)
        return counts(session) == (here, here + len(on_second) + 1)

    qtbot.waitUntil(second_counted_again, timeout=LOAD)
    assert window.open_library_page(second)
    qtbot.waitUntil(
        lambda: ("做", "作") in [(f.text, f.suggestion) for f in session.queue.flags], timeout=LOAD
    )
    column = caret_before(qtbot, window, "本报讯")
    QTest.keyClick(column, Qt.Key.Key_F8)
    assert column.textCursor().selectedText() == "做"
    assert "作" in window.statusBar().currentMessage()
    QTest.keyClick(column, Qt.Key.Key_Return)  # accepted: one more correction of the pair
    assert any("工作推进大会" in text for text in shown(window))
    # What the window flags is what check --db says of the same text.
    from models.library.proofreading import proofreading_knowledge
    from models.proofreading.checker import Checker

    line = "本报讯记者赵亮报道，示范区召开城乡一体化工做推进大会。"
    cli = Checker(knowledge=proofreading_knowledge(window.library.path)).check(line)
    assert [(line[f.start : f.end], f.suggestion) for f in cli] == [("做", "作")]
