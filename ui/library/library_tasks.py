"""Library work that runs off the main thread: importing page files.

The import runs in a QThread with its own Library connection (the service gives
each thread its own SQLite connection); progress and the result come back as
queued signals, so the window keeps painting and the progress dialog can cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QThread, Signal


class ImportTask(QThread):
    """Import paths into the library file at ``db_path``; cancellable between files."""

    #: (files done, files in all, name of the file being read)
    progressed = Signal(int, int, str)
    #: the ImportReport
    succeeded = Signal(object)
    #: a one-line reason (DubaoError) — nothing was imported
    failed = Signal(str)

    def __init__(self, db_path: str, paths: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.paths = [str(p) for p in paths]
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # runs in the worker thread
        from models.errors import DubaoError
        from models.library.service import Library

        def progress(done: int, total: int, name: str) -> bool:
            self.progressed.emit(done, total, name)
            return not self._cancel.is_set()

        try:
            library = Library.open(self.db_path, index_now=False)
            try:
                report = library.import_paths(self.paths, progress)
            finally:
                library.close()
        except DubaoError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(report)


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
