"""Library ▸ Re-parse: pages read again by a newer parser in the background, the window going on.

The newer parser in these tests waits on a gate, so the tests can look at the window while the
re-parse is under way (the window paints, the progress dialog shows, Cancel is heard) before
letting it finish.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from annotation_pages import locate, open_test_issue
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from test_library_reparse import newer_parser

import models.parser
from models.annotations.texts import section_text


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch):
    """A gate; the newer parser (version "newer"), once installed, waits for it on each page."""
    gate = threading.Event()

    def parse(raw: str):
        assert gate.wait(20), "the test never opened the gate"
        return newer_parser(raw)

    def install() -> None:  # after the pages were imported by the parser of today
        monkeypatch.setattr(models.parser, "parse_page", parse)
        monkeypatch.setattr(models.parser, "PARSER_VERSION", "newer")

    gate.install = install  # type: ignore[attr-defined]
    return gate


def _window_on_sample(win, folder: Path, gated):
    pages = open_test_issue(win, folder)
    assert win.open_library_page(pages["sample.txt"])
    session = win.annotation_session
    section, start, end = locate(session.page, "金融办")
    session.mark(section, start, end, 1)
    gated.install()
    return pages, session.page.highlights[0]


def test_reparse_issue_runs_in_the_background_and_the_page_shown_follows(
    qtbot, library_window, tmp_path, gated
):
    win = library_window
    pages, highlight = _window_on_sample(win, tmp_path, gated)
    columns_before = len(win.page_view.columns)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    qtbot.wait(300)  # the page's own background work (the checker) settles
    win.library_reparse.menu.aboutToShow.emit()
    assert win.library_reparse.issue_action.isEnabled()
    win.library_reparse.issue_action.trigger()
    # The re-parse waits at the gate: the window still answers and shows its progress.
    task = win.library_reparse.task
    assert task is not None and task.isRunning()
    timer.start(5)
    qtbot.wait(400)
    assert len(ticks) >= 3  # the event loop ran while the worker waited
    assert isinstance(win.findChild(QProgressDialog, "reparseProgress"), QProgressDialog)
    assert not win.library_reparse.issue_action.isEnabled()  # one re-parse at a time
    gated.set()
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)
    timer.stop()
    assert win.library.stale_pages() == []
    assert "2 pages re-parsed" in win.statusBar().currentMessage()
    assert {win.library.page_info(p).parser_version for p in pages.values()} == {"newer"}
    # The page shown is read again: the newer parser's reading (articles in reverse order, each
    # one paragraph), with the highlight on its words.
    qtbot.waitUntil(lambda: len(win.page_view.columns[0].blocks) == 1, timeout=10000)
    content = win.library.page(pages["sample.txt"])
    assert len(win.page_view.columns) == len(content.sections) == columns_before
    assert [c.blocks[0].text.text for c in win.page_view.columns] == [
        section_text(s) for s in content.current_sections
    ]
    [stored] = win.annotation_session.annotations.page_highlights(pages["sample.txt"])
    text = section_text(content.current_sections[content.section_ids.index(stored.section_id)])
    assert text[stored.start : stored.end] == "金融办" == highlight.exact


def test_cancel_stops_between_pages_and_leaves_the_rest_as_it_was(qtbot, library_window, tmp_path, gated):
    win = library_window
    pages, _ = _window_on_sample(win, tmp_path, gated)
    assert win.library_reparse.start("library")
    dialog = win.findChild(QProgressDialog, "reparseProgress")
    qtbot.waitUntil(lambda: dialog.maximum() == 2, timeout=5000)  # the first page is being read
    dialog.findChild(QPushButton).click()  # Cancel
    gated.set()
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)
    assert "cancelled" in win.statusBar().currentMessage()
    assert len(win.library.stale_pages()) == 1  # the page being read when Cancel came is done
    assert win.library_reparse.library_action.isEnabled()


def test_a_page_that_cannot_be_written_is_told_and_retry_redoes_it(
    qtbot, library_window, tmp_path, gated, monkeypatch
):
    from models.library.service import Library

    win = library_window
    pages, _ = _window_on_sample(win, tmp_path, gated)
    gated.set()
    real = Library.reparse
    locked = {pages["astral.txt"]}

    def reparse(self, page_id: int):
        if page_id in locked:
            raise sqlite3.OperationalError("database is locked")
        return real(self, page_id)

    monkeypatch.setattr(Library, "reparse", reparse)
    assert win.library_reparse.start("library")
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "reparseFailed") is not None, timeout=30000)
    box = win.findChild(QMessageBox, "reparseFailed")
    assert "1 page was not re-parsed" in box.text() and "locked" in box.informativeText()
    assert win.library.stale_pages() == [pages["astral.txt"]]
    locked.clear()  # the other program let go
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: win.library.stale_pages() == [], timeout=30000)
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)


def test_retry_pressed_as_soon_as_the_failure_shows_re_parses_while_the_worker_winds_down(
    qtbot, library_window, tmp_path, gated, monkeypatch
):
    """The box offering Retry came with the worker's report, before its thread had ended: Retry
    pressed then (Enter at once, its default button; a busy machine) said "A re-parse is already
    running." and re-parsed nothing. The worker here takes a moment to end after its report."""
    import time

    from models.library.service import Library
    from ui.library.library_reparse import ReparseTask

    win = library_window
    pages, _ = _window_on_sample(win, tmp_path, gated)
    gated.set()
    real_reparse, real_run = Library.reparse, ReparseTask.run
    locked = {pages["astral.txt"]}

    def reparse(self, page_id: int):
        if page_id in locked:
            raise sqlite3.OperationalError("database is locked")
        return real_reparse(self, page_id)

    def run(self) -> None:
        real_run(self)  # the report is on its way to the window ...
        time.sleep(0.5)  # ... and the thread ends a moment later

    monkeypatch.setattr(Library, "reparse", reparse)
    monkeypatch.setattr(ReparseTask, "run", run)
    assert win.library_reparse.start("library")
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "reparseFailed") is not None, timeout=30000)
    box = win.findChild(QMessageBox, "reparseFailed")
    locked.clear()
    box.button(QMessageBox.StandardButton.Retry).click()  # at once
    assert "already running" not in win.statusBar().currentMessage()
    qtbot.waitUntil(lambda: win.library.stale_pages() == [], timeout=30000)
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)


def test_the_library_panels_context_menu_reparses_the_page_or_issue_clicked(
    qtbot, library_window, tmp_path, gated
):
    """Right-click a page or an issue in the Library panel: Re-parse Page / Issue, for that one
    (not the page shown), through the same background re-parse as the Library menu."""
    from ui.library.library_panel import ISSUE_ROLE, PAGE_ROLE

    win = library_window
    pages = open_test_issue(win, tmp_path)  # the astral page is shown
    gated.install()
    win.refresh_library()  # the issue was imported past the window
    panel = win.library_panel
    issue_item = panel.tree.topLevelItem(0)
    panel.tree.expandItem(issue_item)
    (sample_item,) = [
        issue_item.child(i)
        for i in range(issue_item.childCount())
        if issue_item.child(i).data(0, PAGE_ROLE) == pages["sample.txt"]
    ]

    def entries(item) -> dict[str, object]:
        menu = panel.context_menu(item)
        return {a.text(): a for a in menu.actions() if a.text()}

    page_menu = entries(sample_item)
    assert {"Mark &Done", "Re-parse &Page", "Re-parse &Issue"} <= set(page_menu)
    page_menu["Re-parse &Page"].trigger()
    assert win.library_reparse.task is not None  # the Library menu's worker, in the background
    # While it runs, the panel offers no second re-parse.
    busy = entries(issue_item)
    assert "Remove Issue from Library…" in busy and not busy["Re-parse &Issue"].isEnabled()
    gated.set()
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)
    versions = {name: win.library.page_info(p).parser_version for name, p in pages.items()}
    assert versions["sample.txt"] == "newer"  # the page clicked ...
    assert versions["astral.txt"] != "newer"  # ... not the page shown
    assert win.statusBar().currentMessage().startswith("1 page re-parsed")
    issue_menu = entries(issue_item)
    assert issue_item.data(0, ISSUE_ROLE) is not None and "Re-parse &Page" not in issue_menu
    issue_menu["Re-parse &Issue"].trigger()
    qtbot.waitUntil(lambda: win.library_reparse.task is None, timeout=30000)
    assert win.library.stale_pages() == []
    assert {win.library.page_info(p).parser_version for p in pages.values()} == {"newer"}
