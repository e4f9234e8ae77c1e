"""How many of the checker's flags are left in the whole issue, counted in the background.

The status bar says what is left on the page at once (the page's own check) and in the issue
when this counter has read the issue's other pages: each page's current text goes through the
same checker, one page at a time on a daemon thread that takes the checker's lock (the page
being proofread is never kept waiting more than one page), minus the flags dismissed on it.
Counts are kept per page; a page that changes (an edit, an undo, a series correction, a
dismissal) is counted again, the others are not. Results for an issue or a request that is no
longer current are dropped.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.common.worker_results import Relay, relay
from ui.proofreading.flag_queue import Checker, place_flags


def flags_left_on(library: Any, page_id: int, checker: Checker) -> tuple[int, list[str]]:
    """The flags the checker raises on a page's current text that nobody dismissed, and the
    lines it read."""
    layout = library.layout(page_id)
    blocks = [[(b.text.text, list(b.text.source)) for b in section] for section in layout.blocks]
    lines = [text for section in blocks for text, _ in section]
    found = checker(lines) if lines else []
    dismissed = {(s, e, k) for s, e, k, _t in library.dismissed_flags(page_id)}
    return len(place_flags(blocks, found, dismissed)), lines


class IssueFlagCount(QObject):
    """Flags left per page of one issue; the total once every page is counted."""

    #: the counts changed (a page counted, a page changed): read :meth:`total` / :meth:`progress`
    changed = Signal()
    #: a one-line reason the counting failed
    failed = Signal(str)
    #: (request, issue, page, count, the lines read) from the worker thread
    _counted = Signal(int, int, int, int, object)

    def __init__(self, lock: threading.Lock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock  # the checker's: one reader at a time
        self.library: Any = None
        self.issue_id: int | None = None
        self.page_ids: list[int] = []
        self.counts: dict[int, int] = {}
        #: the lines each page was counted on; pages to count again, their old count shown meanwhile
        self.lines: dict[int, list[str]] = {}
        self.stale: set[int] = set()
        self.request = 0
        #: the request the worker reads (it never touches this object: ui.common.worker_results)
        self._asked = _Asked()
        self.relay = relay()
        self._counted.connect(self._page_counted)

    def show_issue(self, library: Any, issue_id: int, checker: Checker) -> None:
        """Count the issue's pages (those not counted yet); a new issue starts afresh."""
        if issue_id != self.issue_id or library is not self.library:
            self.library = library
            self.issue_id = issue_id
            self.counts = {}
            self.lines = {}
            self.stale = set()
        self.page_ids = [p.id for p in library.pages(issue_id)]
        self._start(library, checker)

    def forget(self, page_ids: Any, library: Any, checker: Checker | None) -> None:
        """These pages read differently now: count them again."""
        gone = [p for p in page_ids if p in self.counts]
        for page_id in gone:
            del self.counts[page_id]
        if gone and checker is not None and self.issue_id is not None:
            self.changed.emit()
            self._start(library, checker)

    def recount(self, texts: Any, library: Any, checker: Checker | None, skip: int | None = None) -> None:
        """The checker learnt something: count again the pages holding one of ``texts`` (all
        pages for None), showing their old counts until then; ``skip``: the page being
        proofread (its own check counts it)."""
        from models.proofreading.learning import reads_differently

        again = {
            p
            for p in self.counts
            if p != skip and (p not in self.lines or any(reads_differently(t, texts) for t in self.lines[p]))
        }
        self.stale |= again
        if again and checker is not None and self.issue_id is not None:
            self._start(library, checker)

    def set_count(self, page_id: int, count: int, lines: list[str] | None = None) -> None:
        """The page being proofread has this many flags left (its own check on ``lines``, a dismissal)."""
        if page_id in self.page_ids and lines is not None:
            self.lines[page_id] = lines
            self.stale.discard(page_id)
        if page_id in self.page_ids and self.counts.get(page_id) != count:
            self.counts[page_id] = count
            self.changed.emit()

    def stop(self) -> None:
        """Let the worker stop after the page it is reading (the mode ended, the window
        closes); counts stay, what it is reading now is dropped."""
        self.request += 1
        self._asked.request = self.request

    def progress(self) -> tuple[int, int]:
        """(pages counted, pages in the issue)."""
        return sum(1 for p in self.page_ids if p in self.counts), len(self.page_ids)

    def total(self, current: tuple[int, int] | None = None) -> int | None:
        """Flags left in the issue, None until every page is counted; ``current``: the page
        being proofread and its live count (which wins over the counted one)."""
        counts = dict(self.counts)
        if current is not None:
            counts[current[0]] = current[1]
        if not self.page_ids or any(p not in counts for p in self.page_ids):
            return None
        return sum(counts[p] for p in self.page_ids)

    # --- the worker -----------------------------------------------------------------------------
    def _start(self, library: Any, checker: Checker) -> None:
        todo = [p for p in self.page_ids if p not in self.counts or p in self.stale]
        if not todo or self.issue_id is None:
            return
        self.request += 1
        self._asked.request = self.request
        threading.Thread(
            target=_count_pages,
            args=(
                self.relay,
                self,
                self._asked,
                self.lock,
                self.request,
                self.issue_id,
                todo,
                library,
                checker,
            ),
            name="dubao-issue-flags",
            daemon=True,
        ).start()

    def _page_counted(self, request: int, issue_id: int, page_id: int, count: int, lines: object) -> None:
        if issue_id != self.issue_id or page_id not in self.page_ids:
            return
        if request != self.request and page_id in self.counts:
            return  # counted since by a newer request or set by the page's own check
        self.counts[page_id] = count
        self.lines[page_id] = list(lines)  # type: ignore[call-overload]
        self.stale.discard(page_id)
        self.changed.emit()


class _Asked:
    """What the counting worker may read: the request made last."""

    __slots__ = ("request",)

    def __init__(self) -> None:
        self.request = 0


def _count_pages(
    relay: Relay,
    counter: IssueFlagCount,
    asked: _Asked,
    lock: threading.Lock,
    request: int,
    issue_id: int,
    page_ids: list[int],
    library: Any,
    checker: Checker,
) -> None:
    """The worker: count the pages one at a time while ``request`` is the latest, each count
    posted to ``counter`` through the relay (``counter`` is only named to it, never called)."""
    try:
        for page_id in page_ids:
            with lock:
                if request != asked.request:
                    return  # a newer request counts what is left
                count, lines = flags_left_on(library, page_id, checker)
            relay.post(counter, "_counted", request, issue_id, page_id, count, lines)
    except Exception as exc:  # noqa: BLE001 - a worker reports, never dies silently
        relay.post(counter, "failed", str(exc) or type(exc).__name__)
    finally:
        try:
            library.close()  # this thread's connection
        except Exception:  # noqa: BLE001 - closing after a failure: nothing more to say
            pass
