"""Worker threads outlive the window they work for, and must never touch its Qt objects.

Seen in full runs of the suite (four segfaults on 07 Dec, two at the teardown of
test_ui_focus_order's last test): the checker's thread, allocating while it read a page, ran
Python's cycle collector, which freed a closed window's Qt objects on that thread while the main
thread used Qt; and a worker emitting a signal of an object the main thread was deleting went on
into freed memory (docs/proofreading.md, "Worker results").
"""

from __future__ import annotations

import subprocess
import sys
import threading
import weakref
from pathlib import Path

from annotation_pages import open_test_issue
from test_ui_proofreading import doubtful

ROOT = Path(__file__).resolve().parent.parent


def _window(qtbot, tmp_path: Path):
    """A shown window on a library (closed and deleted by the test itself)."""
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.build_capabilities()
    assert win.open_library()
    return win


def _delete(win) -> None:
    """Close the window and delete it now, as a test's teardown or the app's quit does."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    library = win.library
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(win)
    library.close()


def test_a_worker_thread_never_frees_qt_objects_left_in_garbage(qtbot, tmp_path: Path) -> None:
    """Once a window exists, garbage holding Qt objects is freed on the main thread, however
    much a worker allocates (it ran the collector itself and freed them there)."""
    from PySide6.QtCore import QObject

    win = _window(qtbot, tmp_path)
    freed_on: list[str] = []
    kept = QObject()
    kept.me = kept  # a cycle: only the collector frees it
    weakref.finalize(kept, lambda: freed_on.append(threading.current_thread().name))
    del kept

    def allocate() -> None:
        junk = [[] for _ in range(100_000)]  # past every generation's threshold, many times
        del junk

    worker = threading.Thread(target=allocate, name="busy-worker")
    worker.start()
    worker.join()
    assert "busy-worker" not in freed_on
    qtbot.waitUntil(lambda: bool(freed_on) or _collect(), timeout=5000)
    assert freed_on == ["MainThread"]
    _delete(win)


def _collect() -> bool:
    import gc

    gc.collect()  # (on the main thread: the test's own)
    return False


def test_closing_the_window_while_its_page_is_checked_leaves_no_worker_and_raises_nothing(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The editor quits while the checker is reading the page and the issue: the window goes
    at once, the checker's threads end when their page is read, and nothing is raised."""
    win = _window(qtbot, tmp_path)
    open_test_issue(win, tmp_path)
    session = win.proofreading
    gate, reading = threading.Event(), threading.Event()

    def slow(lines):
        reading.set()
        gate.wait(20)
        return doubtful(lines)

    session.checker = slow
    raised: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    session.set_active(True)  # F2
    qtbot.waitUntil(reading.is_set, timeout=10000)  # the page's check is running (after typing pauses)
    workers = [t for t in threading.enumerate() if t.name in ("dubao-checker", "dubao-issue-flags")]
    assert workers
    _delete(win)
    gate.set()
    for worker in workers:
        worker.join(20)
    assert not [t for t in workers if t.is_alive()]
    qtbot.wait(100)  # what the relay carried for the deleted window: dropped
    assert raised == []


_RACE = """
import sys, threading
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from ui.common.worker_results import relay

app = QApplication([])
relay = relay()
got = []

class Tasks(QObject):
    checked = Signal(int, object)

for _ in range(int(sys.argv[1])):
    owner = QWidget()
    tasks = Tasks(owner)
    tasks.checked.connect(lambda g, f: got.append(g))
    go = threading.Event()

    def post(tasks=tasks):
        go.wait()
        for n in range(200):
            relay.post(tasks, "checked", n, [n])

    worker = threading.Thread(target=post)
    worker.start()
    go.set()
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del owner, tasks
    worker.join()
    app.processEvents()
print("delivered", len(got))
"""


def test_results_posted_while_their_receiver_is_deleted_are_dropped_without_a_crash() -> None:
    """A worker's emit on the object being deleted crashed (within 3,000 rounds of this in one
    process); through the relay the results for a deleted receiver are dropped, none delivered."""
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _RACE, "1500"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-1] == "0"
