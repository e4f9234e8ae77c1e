"""Language work off the main thread: loading jieba, the pinyin engine and the dictionary,
then cutting and reading each page's texts.

Plain daemon threads report back through queued Qt signals: the window never waits for
them, and quitting never waits for a load that is still running (a QThread still running
at exit aborts the process).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class LanguageTasks(QObject):
    """Starts the loads; its signals arrive on the main thread."""

    #: the Dictionary, once jieba, the pinyin engine and the index are ready
    loaded = Signal(object)
    #: a one-line reason the language layer could not load
    failed = Signal(str)
    #: (generation, one list of TextWords per column, in block order)
    pageRead = Signal(int, object)

    def __init__(self, dictionary_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dictionary_folder = dictionary_folder
        self.started = False
        #: the generation of the page asked for last: a page switched away from is not read
        self.latest = -1
        self._lock = threading.Lock()

    def start_loading(self) -> None:
        """Load everything in the background (once)."""
        if self.started:
            return
        self.started = True
        from models.memory import share_one_heap

        share_one_heap()  # the load's and the pages' threads allocate from the main heap (10-16 MB less)
        threading.Thread(target=self._load, name="dubao-language", daemon=True).start()

    def _load(self) -> None:
        try:
            from models.language import warm_up
            from models.language.dictionary import Dictionary

            with self._lock:
                warm_up()
                dictionary = Dictionary(self.dictionary_folder)
                dictionary.ensure_built()
        except Exception as exc:  # noqa: BLE001 - a worker reports, never dies silently
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        from models.memory import give_back_free_memory

        give_back_free_memory()  # loading the tables leaves freed memory behind (the files read)
        self.loaded.emit(dictionary)

    def read_page(self, generation: int, columns: Sequence[Sequence[tuple[str, list[int]]]]) -> None:
        """Cut and read every text of a page ((text, raw offsets) per block, per column)."""
        self.latest = generation
        threading.Thread(
            target=self._read, args=(generation, columns), name="dubao-page-words", daemon=True
        ).start()

    def _read(self, generation: int, columns: Sequence[Sequence[tuple[str, list[int]]]]) -> None:
        from models.glossary.text_words import TextWords

        try:
            with self._lock:  # one page at a time, after the load
                if generation != self.latest:
                    return
                flat = TextWords.read_many([text for column in columns for text in column])
                result, at = [], 0
                for column in columns:
                    result.append(flat[at : at + len(column)])
                    at += len(column)
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.pageRead.emit(generation, result)
        from models.memory import give_back_free_memory

        give_back_free_memory()  # what reading the page freed (a session reads page after page)
