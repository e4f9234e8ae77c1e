"""The checker's flags on the shown page: found in the background, marked, walked with F8.

The checker (``models.proofreading``, the ``check`` command's engine) reads each block of the
page as one line and flags characters it doubts: a kind, a code-point span of that line and
perhaps a suggestion. It runs on a daemon thread that reports through the process's relay
(``ui.common.worker_results``: the worker never touches the window's objects; the window never
waits; quitting never waits for it), one page at a time; a result for text that
has changed since is dropped. Flags an editor dismissed are remembered by the library (raw
span and kind) and not shown again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.common.worker_results import Relay, relay

#: checks lines of text: one list of flags ({"start", "end", "kind", "suggestion"}) per line
Checker = Callable[[Sequence[str]], list[list[dict]]]
#: the name of the thread that checks the shown page
PAGE_CHECK = "dubao-checker"


@dataclass(frozen=True)
class Flag:
    """One doubtful span: in a column's block (code points), with the raw span it came from."""

    section: int
    block: int
    start: int
    end: int
    kind: str
    suggestion: str | None
    text: str
    raw_start: int
    raw_end: int

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.raw_start, self.raw_end, self.kind)


def place_flags(
    blocks: Sequence[Sequence[tuple[str, list[int]]]],
    found: Sequence[Sequence[dict]],
    dismissed: set[tuple[int, int, str]],
) -> list[Flag]:
    """Flags on (text, raw offsets) blocks per section, in reading order, minus dismissed ones."""
    flags: list[Flag] = []
    at = 0
    for section, column in enumerate(blocks):
        for number, (text, source) in enumerate(column):
            for item in found[at] if at < len(found) else ():
                start, end = int(item["start"]), int(item["end"])
                if not 0 <= start < end <= len(text) or not source:
                    continue
                raw_start = source[start]
                raw_end = source[end - 1] + 1
                flag = Flag(
                    section,
                    number,
                    start,
                    end,
                    str(item.get("kind") or ""),
                    item.get("suggestion"),
                    text[start:end],
                    raw_start,
                    max(raw_end, raw_start + 1),
                )
                if flag.key not in dismissed:
                    flags.append(flag)
            at += 1
    return flags


class LibraryChecker:
    """The shipped checker with what a library taught it, as ``check --db`` uses it: the same
    core read (:meth:`Library.learnt_knowledge`: its dictionary words, the character pairs its
    editors corrected, the flags they dismissed). The tables load once and the library is read
    on the worker thread (:meth:`learn`, under the checker's lock), never on the window's;
    :meth:`teach_from` and :meth:`relearn` only say that there is something to read."""

    def __init__(self) -> None:
        self._tables: tuple[Any, Any] | None = None
        self._engine: Any = None
        self._knowledge: Any = None
        self._library: Any = None
        self._stale = False
        #: told (on the worker thread) the reason the library could not be read
        self.unread: Callable[[str], None] | None = None
        #: told (on the worker thread) that the checker learnt something that changes answers:
        #: the texts a line must hold to read differently, None for every line
        self.learnt: Callable[[frozenset[str] | None], None] | None = None

    def teach_from(self, library: Any) -> None:
        """Learn from this library (None: only what ships) before the next check."""
        self._library = library
        self._stale = True

    def relearn(self) -> None:
        """The library's corrections, dismissals or words changed: read them again before the next check."""
        self._stale = True

    def teach(self, knowledge: Any) -> None:
        """What a library knows (a ``LibraryKnowledge``), given directly; used from the next check on."""
        self._knowledge = knowledge
        self._engine = None

    def learn(self) -> frozenset[str] | None:
        """Read what the library knows now if it may have changed (worker thread). The texts a
        line must hold to read differently (:func:`models.proofreading.learning.affected_texts`):
        empty if nothing changed, None for every line."""
        from models.proofreading.learning import affected_texts

        library = self._library
        if not self._stale:
            return frozenset()
        self._stale = False
        knowledge = None
        if library is not None:
            try:
                knowledge = library.learnt_knowledge()
            except Exception as exc:  # noqa: BLE001 - the library cannot be read now: say so, keep what was known
                if self.unread is not None:
                    self.unread(str(exc) or type(exc).__name__)
                return frozenset()
            finally:
                if threading.current_thread() is not threading.main_thread():
                    library.close()  # this worker's connection
        changed = affected_texts(self._knowledge, knowledge)
        if changed is None or changed:
            first = self._engine is None and self._knowledge is None
            self.teach(knowledge)
            if self.learnt is not None and not first:  # nothing was answered without it
                self.learnt(changed)
        return changed

    def __call__(self, lines: Sequence[str]) -> list[list[dict]]:
        from models.proofreading.checker import Checker as Engine
        from models.proofreading.checker import Model
        from models.proofreading.checker_knowledge import LibraryKnowledge
        from models.proofreading.language import Language

        engine = self._engine
        if engine is None:
            if self._tables is None:
                self._tables = (Language.bundled(), Model.bundled())
            language, model = self._tables
            engine = Engine(language, model, self._knowledge or LibraryKnowledge())
            self._engine = engine
        return [[flag.as_json() for flag in flags] for flags in engine.check_lines(lines)]


def library_checker() -> LibraryChecker | None:
    """A :class:`LibraryChecker`, or None in a build without the checker."""
    try:
        import models.proofreading.checker  # noqa: F401 - only whether it is there
    except ImportError:
        return None
    return LibraryChecker()


class RememberingChecker:
    """A checker that reads each distinct line once: after an edit only the changed paragraph
    is read again (a page takes the shipped checker seconds; a paragraph, a fraction). When
    the checker learns from its library first, only the lines that learning changes are
    forgotten."""

    def __init__(self, checker: Checker, size: int = 20000) -> None:
        self.checker = checker
        self.size = size
        self.known: dict[str, list[dict]] = {}

    def forget(self) -> None:
        """The checker learnt something: every line is read again."""
        self.known = {}

    def __call__(self, lines: Sequence[str]) -> list[list[dict]]:
        from models.proofreading.learning import reads_differently

        learn = getattr(self.checker, "learn", None)
        if learn is not None:  # on the worker thread, under the checker's lock
            changed = learn()
            if changed is None:
                self.forget()
            elif changed:
                known = self.known
                for line in [line for line in known if reads_differently(line, changed)]:
                    del known[line]
        known = self.known  # forget() on the main thread starts a new one meanwhile
        new = list(dict.fromkeys(line for line in lines if line not in known))
        if new:
            if len(known) + len(new) > self.size:
                known.clear()
            known.update(zip(new, self.checker(new), strict=True))
        return [known[line] for line in lines]


class FlagTasks(QObject):
    """Runs the checker off the main thread; its signals arrive on the main thread.

    The worker never touches this object: it reads what it needs from a plain state and posts
    its answer through the process's relay (:mod:`ui.common.worker_results`), which emits these
    signals on the main thread only while this object exists. The window's close bumps the
    generation (:meth:`stop`): a check still running then is answered to nobody."""

    #: (generation, one list of flags per line) for the lines asked for in that generation
    checked = Signal(int, object)
    #: a one-line reason the checker failed
    failed = Signal(str)
    #: the checker learnt from its library (texts a line must hold to read differently, or
    #: None for all lines; whether the page's own check learnt it, so its answer holds)
    learnt = Signal(object, bool)
    #: a one-line reason the library's knowledge could not be read (the checker keeps what it knew)
    unread = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._asked = _Asked()
        self._lock = threading.Lock()
        self.relay = relay()

    @property
    def latest(self) -> int:
        """The generation asked for last (a check for an older one answers nothing)."""
        return self._asked.generation

    def check(self, generation: int, checker: Checker, lines: list[str]) -> None:
        self._asked.generation = generation
        threading.Thread(
            target=_check_page,
            args=(self.relay, self, self._asked, self._lock, generation, checker, lines),
            name=PAGE_CHECK,
            daemon=True,
        ).start()

    def stop(self) -> None:
        """Answers on their way are for nobody (the window closes): a check waiting for the
        lock does not start, one running is dropped when it ends."""
        self._asked.generation = -1


class _Asked:
    """What a page check's worker may read: the generation asked for last."""

    __slots__ = ("generation",)

    def __init__(self) -> None:
        self.generation = -1


def _check_page(
    relay: Relay,
    tasks: FlagTasks,
    asked: _Asked,
    lock: threading.Lock,
    generation: int,
    checker: Checker,
    lines: list[str],
) -> None:
    """The worker: check ``lines`` unless a newer generation was asked for (``tasks`` is only
    named to the relay, never called)."""
    try:
        with lock:  # one page at a time
            if generation != asked.generation:
                return
            found = checker(lines)
    except Exception as exc:  # noqa: BLE001 - a worker reports, never dies silently
        relay.post(tasks, "failed", str(exc) or type(exc).__name__)
        return
    if generation == asked.generation:
        relay.post(tasks, "checked", generation, found)


class FlagQueue:
    """The page's flags in reading order and the one selected (F8 / Shift+F8)."""

    def __init__(self) -> None:
        self.flags: list[Flag] = []
        self.selected = -1

    def set_flags(self, flags: list[Flag]) -> None:
        self.flags = list(flags)
        self.selected = -1

    def current(self) -> Flag | None:
        return self.flags[self.selected] if 0 <= self.selected < len(self.flags) else None

    def step(self, delta: int, where: tuple[int, int, int] | None = None) -> Flag | None:
        """Select the next (+1) or previous (-1) flag, from the selected one or from ``where``
        (section, block, offset: the caret); wraps around the page."""
        if not self.flags:
            self.selected = -1
            return None
        if self.selected < 0 and where is not None:
            order = [(f.section, f.block, f.start) for f in self.flags]
            if delta > 0:
                after = [i for i, place in enumerate(order) if place >= where]
                self.selected = after[0] if after else 0
            else:
                before = [i for i, place in enumerate(order) if place < where]
                self.selected = before[-1] if before else len(self.flags) - 1
            return self.current()
        if self.selected < 0:
            self.selected = 0 if delta > 0 else len(self.flags) - 1
        else:
            self.selected = (self.selected + delta) % len(self.flags)
        return self.current()

    def drop(self, flag: Flag) -> None:
        """Take a flag off the queue (dismissed or accepted); nothing stays selected."""
        self.flags = [f for f in self.flags if f != flag]
        self.selected = -1

    def follow(self, blocks: Sequence[Sequence[tuple[str, list[int]]]]) -> None:
        """Keep the flags whose characters the page still shows, where it shows them now
        (the page was shown again after an edit; the checker's new answer is on its way)."""
        kept: list[Flag] = []
        for flag in self.flags:
            for section, column in enumerate(blocks):
                placed = None
                for number, (text, source) in enumerate(column):
                    if flag.raw_start in source:
                        start = source.index(flag.raw_start)
                        end = start + len(flag.text)
                        if text[start:end] == flag.text and source[end - 1] + 1 == flag.raw_end:
                            placed = replace(flag, section=section, block=number, start=start, end=end)
                        break
                if placed is not None:
                    kept.append(placed)
                    break
        self.flags = kept
        self.selected = -1

    def in_section(self, section: int) -> list[Flag]:
        return [f for f in self.flags if f.section == section]
