"""Results of plain worker threads, handed to the main thread without the worker touching the
window's objects.

A daemon thread that emits a signal of a QObject the window owns races the window's deletion:
the emit checks that its source exists, then the main thread deletes it (a window closed, a
test's teardown), then the emit goes on into freed memory. ``except RuntimeError`` only catches
an object deleted before the check. (A thread emitting 200 times while the main thread deleted
its source's parent segfaulted within 3,000 tries; see docs/proofreading.md, "Worker results".)

So a worker emits only on :class:`Relay`, one QObject made on the main thread that is never
deleted. On the main thread the relay gives the result to the receiver's signal if the receiver
still exists: QObjects are deleted on the main thread only, so nothing can delete the receiver
between that check and the emit. The worker holds the receiver as a Python reference and never
calls it.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal


class Relay(QObject):
    """Carries (receiver, signal name, arguments) from any thread to the main thread."""

    carried = Signal(object, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.carried.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, receiver: QObject, signal: str, *args: object) -> None:
        """From a worker thread: emit ``receiver.<signal>(*args)`` on the main thread, unless
        the receiver is deleted by then (the result is dropped)."""
        self.carried.emit(receiver, signal, args)

    @staticmethod
    def _deliver(receiver: QObject, signal: str, args: tuple) -> None:
        if shiboken6.isValid(receiver):
            getattr(receiver, signal).emit(*args)


_relay: Relay | None = None
_made = threading.Lock()


def relay() -> Relay:
    """The process's one relay (made on first use, which must be on the main thread; kept for
    the life of the process, never deleted)."""
    global _relay
    with _made:
        if _relay is None:
            app = QCoreApplication.instance()
            if app is None or QThread.currentThread() is not app.thread():
                raise RuntimeError("the worker results' relay is made on the main thread, after the app")
            _relay = Relay()
        return _relay
