"""Language work off the main thread: loading jieba, the pinyin engine and the dictionary,
then cutting and reading each page's texts.

Plain daemon threads report back through the process's relay (``ui.common.worker_results``),
never touching the window's objects: the window never waits for them, and quitting never waits
for a load that is still running (a QThread still running at exit aborts the process).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.common.worker_results import Relay, relay


class LanguageTasks(QObject):
    """Starts the loads; its signals arrive on the main thread.

    The workers never touch this object: they read what they need from a plain state and post
    their results through the process's relay (:mod:`ui.common.worker_results`), which emits
    these signals on the main thread while this object exists (a window closed meanwhile: the
    result is dropped)."""

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
        self._asked = _Asked()
        self._lock = threading.Lock()
        self.relay = relay()

    @property
    def latest(self) -> int:
        return self._asked.generation

    def start_loading(self) -> None:
        """Load everything in the background (once)."""
        if self.started:
            return
        self.started = True
        from models.memory import share_one_heap

        share_one_heap()  # the load's and the pages' threads allocate from the main heap (10-16 MB less)
        threading.Thread(
            target=_load,
            args=(self.relay, self, self._lock, self.dictionary_folder),
            name="dubao-language",
            daemon=True,
        ).start()

    def read_page(self, generation: int, columns: Sequence[Sequence[tuple[str, list[int]]]]) -> None:
        """Cut and read every text of a page ((text, raw offsets) per block, per column)."""
        self._asked.generation = generation
        threading.Thread(
            target=_read,
            args=(self.relay, self, self._asked, self._lock, generation, columns),
            name="dubao-page-words",
            daemon=True,
        ).start()


class _Asked:
    """What a page's worker may read: the generation asked for last."""

    __slots__ = ("generation",)

    def __init__(self) -> None:
        self.generation = -1


def _load(relay: Relay, tasks: LanguageTasks, lock: threading.Lock, dictionary_folder: Path) -> None:
    """The load's worker (``tasks`` is only named to the relay, never called)."""
    try:
        from models.language import warm_up
        from models.language.dictionary import Dictionary

        with lock:
            warm_up()
            dictionary = Dictionary(dictionary_folder)
            dictionary.ensure_built()
    except Exception as exc:  # noqa: BLE001 - a worker reports, never dies silently
        relay.post(tasks, "failed", str(exc) or type(exc).__name__)
        return
    from models.memory import give_back_free_memory

    give_back_free_memory()  # loading the tables leaves freed memory behind (the files read)
    relay.post(tasks, "loaded", dictionary)


def _read(
    relay: Relay,
    tasks: LanguageTasks,
    asked: _Asked,
    lock: threading.Lock,
    generation: int,
    columns: Sequence[Sequence[tuple[str, list[int]]]],
) -> None:
    """A page's worker (``tasks`` is only named to the relay, never called)."""
    from models.glossary.text_words import TextWords

    try:
        with lock:  # one page at a time, after the load
            if generation != asked.generation:
                return
            flat = TextWords.read_many([text for column in columns for text in column])
            result, at = [], 0
            for column in columns:
                result.append(flat[at : at + len(column)])
                at += len(column)
    except Exception as exc:  # noqa: BLE001
        relay.post(tasks, "failed", str(exc) or type(exc).__name__)
        return
    relay.post(tasks, "pageRead", generation, result)
    from models.memory import give_back_free_memory

    give_back_free_memory()  # what reading the page freed (a session reads page after page)
