"""Proofreading in the window: from a key press to the column showing the library's new text.

A key in proofreading mode is committed as a correction (the core's step), then the page is
read again from the library and the changed column set again, with its highlights and
correction marks; all before the key press returns. Figures are printed beside their goal
(median at most 100 ms, a typist's pace) for the sample page (20 sections, ~7,000 characters)
with a highlight every 200 characters. Offscreen; no checker (it reads in the background).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/proofreading_keys_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_MS = 100.0


def _line(name: str, times: list[tuple[float, float]]) -> str:
    """Wall and CPU time (a loaded machine makes the wall time mostly waiting)."""
    wall = statistics.median(t[0] for t in times) * 1000
    cpu = statistics.median(t[1] for t in times) * 1000
    worst = max(t[0] for t in times) * 1000
    verdict = "ok" if wall <= GOAL_MS else "over"
    return (
        f"{name:<26} median {wall:6.1f} ms (CPU {cpu:6.1f} ms)  max {worst:6.1f} ms"
        f"   goal: median <= {GOAL_MS:.0f} ms  [{verdict}]"
    )


def _timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        issue = Path(folder) / "issue"
        issue.mkdir()
        (issue / "sample.txt").write_text(
            (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
        settings = Settings(QSettings(str(Path(folder) / "dubao.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, db=str(Path(folder) / "library.sqlite3"))
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.open_library()
        window.library.import_paths([issue])
        page_id = window.library.pages(window.library.issues()[0].id)[0].id
        window.open_library_page(page_id)
        session = window.annotation_session
        annotations = session.annotations
        category = annotations.category_for_key(6).id
        for index, text in enumerate(session.page.texts):
            for start in range(0, max(0, len(text) - 4), 200):
                annotations.create(session.page, index, start, start + 4, category)
        window.proofreading.checker = lambda lines: [[] for _ in lines]  # flags are not measured here
        view = window.page_view
        view.focus_column(3)
        column = view.active_column()
        column.setFocus()
        QTest.keyClick(column, Qt.Key.Key_F2)
        last = column.blocks[-1]  # a body paragraph: the caret in its middle
        cursor = column.textCursor()
        cursor.setPosition(last.position + len(last.text.text) // 2)
        column.setTextCursor(cursor)
        typing, splitting, undoing = [], [], []
        for key in [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_Backspace] * 8:
            typing.append(_timed(lambda k=key: QTest.keyClick(column, k)))
        for _ in range(5):
            QTest.keyClick(column, Qt.Key.Key_Right)
            splitting.append(_timed(lambda: QTest.keyClick(column, Qt.Key.Key_Return)))
        for _ in range(10):

            def undo() -> None:
                QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
                app.processEvents()  # an undo shows the page again on the next turn of the event loop

            undoing.append(_timed(undo))
        print(
            f"sample page: {len(view.columns)} columns, {sum(len(t) for t in session.page.texts)} characters,"
        )
        print(f"{len(annotations.page_highlights(page_id))} highlights")
        print(_line("key typed or deleted", typing))
        print(_line("Enter (split paragraph)", splitting))
        print(_line("Ctrl+Z (undo)", undoing))
        window.close()
        window.library.close()


if __name__ == "__main__":
    main()
