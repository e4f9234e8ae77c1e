"""Library work that runs off the main thread: importing page files, making the search index again;
and ``LibraryTask``, the worker the import, the backup and the re-parse share.

Each runs in a QThread with its own Library connection (the service gives each thread its own
connection); progress and the result come back as queued signals, so the window keeps painting
and the progress dialog can cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class LibraryTask(QThread):
    """One piece of library work in a worker thread: :meth:`work` returns the core's report, which
    comes back as ``succeeded``; a DubaoError (or anything unexpected: a worker must report,
    never die silently) comes back as ``failed`` with a one-line reason. ``cancel`` asks the
    work to stop at its next step (:meth:`going_on`)."""

    #: the core's report (also when cancelled: it says what was done)
    succeeded = Signal(object)
    #: a one-line reason; the work left nothing half-written
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def going_on(self) -> bool:
        """False once the user cancelled: the work stops at its next step."""
        return not self._cancel.is_set()

    def work(self) -> Any:  # the worker thread
        raise NotImplementedError

    def run(self) -> None:
        from models.errors import DubaoError

        try:
            report = self.work()
        except DubaoError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(report)


def task_progress(
    parent: QWidget, task: LibraryTask, text: str, cancel: str, title: str, name: str
) -> QProgressDialog:
    """The progress dialog of a library task: it shows after 300 ms, stays open until the task
    ends (the caller closes it), lets the window be used meanwhile, and Cancel cancels the task."""
    dialog = QProgressDialog(text, cancel, 0, 0, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)
    return dialog


def start_task(owner: Any, task: LibraryTask, dialog: QProgressDialog) -> None:
    """Start ``task`` with its progress ``dialog``, both kept on ``owner`` (``task``, ``progress``),
    whose ``_progressed``, ``_succeeded``, ``_failed`` and ``_finished`` hear how it goes."""
    task.progressed.connect(owner._progressed)  # type: ignore[attr-defined]
    task.succeeded.connect(owner._succeeded)
    task.failed.connect(owner._failed)
    task.finished.connect(owner._finished)
    owner.task, owner.progress = task, dialog
    task.start()


class ImportTask(LibraryTask):
    """Import paths into the library file at ``db_path``; cancellable between files. ``succeeded``
    carries the ImportReport; after ``failed`` nothing was imported."""

    #: (files done, files in all, name of the file being read)
    progressed = Signal(int, int, str)

    def __init__(self, db_path: str, paths: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.paths = [str(p) for p in paths]

    def work(self) -> Any:
        from models.library.service import Library

        def progress(done: int, total: int, name: str) -> bool:
            self.progressed.emit(done, total, name)
            return self.going_on()

        library = Library.open(self.db_path, index_now=False)
        try:
            return library.import_paths(self.paths, progress)
        finally:
            library.close()


class SearchIndexTask(QThread):
    """Make the library's search index again (another version's folding) a few pages at a time,
    off the main thread; each step is its own short transaction, so the window's writes go on."""

    #: (pages indexed, pages in all)
    progressed = Signal(int, int)
    #: True once the index is whole; False if stopped (carried on next time) or failed
    done = Signal(bool)
    #: a one-line reason
    failed = Signal(str)

    def __init__(self, db_path: str, parent=None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # runs in the worker thread
        from models.library.service import Library

        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self._cancel.is_set()

        try:
            library = Library.open(self.db_path, index_now=False)
            try:
                whole = library.update_search_index(progress)
            finally:
                library.close()
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(str(exc) or type(exc).__name__)
            self.done.emit(False)
            return
        self.done.emit(whole)
