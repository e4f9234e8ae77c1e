"""Python's cyclic garbage collector runs on the main thread only, once the window exists.

Python collects cycles in whichever thread happens to allocate past the threshold; in Dubao
that is often a worker (the checker reading a page, the issue's flag count, the language layer)
since they allocate most. A collection frees whatever garbage it finds, and a closed window's
Python wrappers are cycles (slots, lambdas and the objects that hold them): on a worker thread
it deleted Python-owned Qt objects (the window's QSettings, LanguageTasks, fonts, text formats)
and the wrappers of widgets being torn down, while the main thread used Qt. The test suite
segfaulted that way (the main thread in an event filter or a teardown's processEvents, the
checker's thread in the middle of a collection; docs/proofreading.md, "Worker results").

So automatic collection is off once the window exists, and a timer on the main thread collects
each generation when its threshold is passed, as the automatic collector would (a pass is a
``gc.get_count()`` read when nothing is due). Worker threads can no longer start a collection.
:func:`hold` keeps it from collecting while the window starts (start-up made tens of thousands
of objects that all live on; ui.shell.app), :func:`release` lets it collect again.
"""

from __future__ import annotations

import gc
import time
from typing import Any

#: how often the main thread looks whether a generation is due (milliseconds)
INTERVAL_MS = 250
#: a full collection (every object, the language tables' too) waits at least this many times
#: as long as the last one took, so full passes cost at most ~2% of the time (Python's own
#: collector spaces them by how many objects became old since, which Python does not expose)
FULL_SPACING = 50

_timer: Any = None
_held = False
_last_full = (0.0, 0.0)  # (when it ended, how long it took)


def installed() -> bool:
    """Whether collection is the main thread's (then ``gc.enable()`` must not be called)."""
    return _timer is not None


def collecting() -> bool:
    """Whether cycles are being collected (by Python, or on the main thread by this module)."""
    return gc.isenabled() or (_timer is not None and not _held)


def collect_on_main_thread() -> None:
    """From now on, cycles are collected on the main thread only (call on the main thread,
    with the application made; once is enough)."""
    global _timer
    if _timer is not None:
        return
    from PySide6.QtCore import QCoreApplication, QThread, QTimer

    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("the collector is set up on the main thread, after the application")
    gc.disable()
    timer = QTimer(app)  # lives as long as the application
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(collect_due)
    timer.start()
    _timer = timer


def collect_due() -> int:
    """Collect the oldest generation whose threshold is passed (main thread); objects freed."""
    if _held:
        return 0
    global _last_full
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    ended, took = _last_full
    if thresholds[2] and counts[2] > thresholds[2] and time.monotonic() - ended >= FULL_SPACING * took:
        start = time.monotonic()
        freed = gc.collect(2)
        end = time.monotonic()
        _last_full = (end, end - start)
        return freed
    for generation in (1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


def hold() -> None:
    """No collection until :func:`release` (the window is starting)."""
    global _held
    _held = True
    gc.disable()


def release() -> None:
    """Collect again: on the main thread if the collector is installed, else as Python does."""
    global _held
    _held = False
    if _timer is None:
        gc.enable()
