"""Page status for proofreading: unchecked, in progress (set by the first edit), done.

Methods of :class:`models.library.service.Library` (mixin :class:`StatusOps`).
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase, fn

from models.errors import DubaoError
from models.history import Change, Command, History
from models.library.schema import Issue, Page
from models.proofreading.records import PAGE_STATUSES, IssueProgress

#: The undo step's label for each status it sets (the Edit menu: "Undo mark page done").
STATUS_LABELS = {
    "unchecked": "mark page unchecked",
    "in_progress": "mark page in progress",
    "done": "mark page done",
}


class StatusOps:
    """Reading and setting pages' proofreading status."""

    _db: SqliteDatabase
    history: History
    _notify: Callable[[Command], None]  # the Library's (ProofDesk): tell the listeners

    def page_status(self, page_id: int) -> str:
        status = Page.select(Page.status).where(Page.id == page_id).scalar()
        if status is None:
            raise DubaoError(f"no page {page_id} in the library")
        return str(status)

    def set_page_status(self, page_id: int, status: str) -> bool:
        """Mark a page ``unchecked``, ``in_progress`` or ``done`` (committed on return).

        One step of the session's history ("mark page done" …): Ctrl+Z puts the old status
        back. False when the page already had that status (nothing written, no step)."""
        if status not in PAGE_STATUSES:
            raise DubaoError(f"a page is {', '.join(PAGE_STATUSES)}, not {status!r}")
        with self._db.atomic():
            old = self.page_status(page_id)
            if old == status:
                return False
            Page.update(status=status).where(Page.id == page_id).execute()
        command = Command(
            STATUS_LABELS[status], [Change("page_status", page_id, {"status": old}, {"status": status})]
        )
        self.history.push(command)
        self._notify(command)
        return True

    def issue_progress(self, issue_id: int) -> IssueProgress:
        """How many of the issue's pages are unchecked, in progress and done."""
        if Issue.get_or_none(Issue.id == issue_id) is None:
            raise DubaoError(f"no issue {issue_id} in the library")
        found = [p for p in self.progress() if p.issue_id == issue_id]
        return found[0] if found else IssueProgress(issue_id, 0, 0, 0)

    def progress(self) -> list[IssueProgress]:
        """Every issue's progress (issues without pages count zero), by issue id."""
        counts: dict[int, dict[str, int]] = {issue_id: {} for (issue_id,) in Issue.select(Issue.id).tuples()}
        query = Page.select(Page.issue, Page.status, fn.COUNT(Page.id)).group_by(Page.issue, Page.status)
        for issue_id, status, count in query.tuples():
            counts.setdefault(issue_id, {})[status] = count
        return [
            IssueProgress(i, c.get("unchecked", 0), c.get("in_progress", 0), c.get("done", 0))
            for i, c in sorted(counts.items())
        ]
