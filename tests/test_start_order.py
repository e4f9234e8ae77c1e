"""What a real start (no probe) shows first: the start page is painted before the window's
capabilities are built and the library is opened, and garbage collection, paused for the
start-up, is back on once the page is up (issue 11): on the main thread only, by
ui.common.collector, once the window exists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Runs the app as ``python main.py`` does, logging the order of what it does, then quits.
DRIVER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from ui.common.collector import collecting
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.reader.section_view as section_view
import ui.shell.main_window as main_window

log = []
build = main_window.MainWindow.build_capabilities

def build_capabilities(self):
    if self._capabilities is None:
        log.append(f"build gc={collecting()}")
        QTimer.singleShot(300, lambda: (log.append(f"later gc={collecting()}"), self.close()))
    build(self)

def paint(self, event):
    section_view.QTextEdit.paintEvent(self, event)
    if not log or not log[-1].startswith("column"):
        log.append(f"column painted gc={collecting()}")

main_window.MainWindow.build_capabilities = build_capabilities
section_view.SectionColumn.paintEvent = paint
import main
status = main.main([])
print(" | ".join(log))
sys.exit(status)
"""


def _start(tmp_path: Path) -> list[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    env.pop("DUBAO_STARTUP_PROBE", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(ROOT)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1].split(" | ")


def test_the_start_page_is_painted_before_the_rest_is_built(tmp_path: Path) -> None:
    log = _start(tmp_path)  # the bundled sample page, a new library
    assert log[0] == "column painted gc=False", log  # the page first, with the collector paused
    assert log.index("build gc=True") > 0, log  # then the capabilities, the collector back on
    assert log[-1] == "later gc=True", log
