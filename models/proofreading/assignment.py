"""Who proofreads what: pages (or a whole issue) assigned to an editor (issue 13).

Methods of :class:`models.library.service.Library` (mixin :class:`AssignmentOps`). Each page
has at most one editor; the assignment records who made it and when. Assigning to nobody
(an empty name) takes the assignment back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import SqliteDatabase

from models.errors import DubaoError
from models.library.schema import Issue, Page, PageAssignment, utc_now

#: The longest editor's name taken (a name, not a text).
NAME_LIMIT = 100


@dataclass(frozen=True)
class Assignment:
    """A page given to an editor to proofread: by whom (``author``) and when (UTC)."""

    page_id: int
    issue_id: int
    editor: str
    author: str
    created: datetime


class AssignmentOps:
    """Assigning pages to editors, and reading who proofreads what."""

    _db: SqliteDatabase

    def assign(self, page_ids: Iterable[int], editor: str, author: str | None = None) -> list[Assignment]:
        """Give the pages to ``editor`` (an empty name: to nobody); one transaction. Returns the
        pages' assignments as stored (none for pages given to nobody)."""
        editor = " ".join(editor.split())
        if len(editor) > NAME_LIMIT:
            raise DubaoError(f"an editor's name has at most {NAME_LIMIT} characters")
        ids = sorted(set(page_ids))
        if not ids:
            raise DubaoError("no page chosen to assign")
        who = self.author_name(author)  # type: ignore[attr-defined] (ProofDesk's)
        with self._db.atomic():
            found = {i for (i,) in Page.select(Page.id).where(Page.id.in_(ids)).tuples()}
            missing = [i for i in ids if i not in found]
            if missing:
                raise DubaoError(f"no page {missing[0]} in the library")
            PageAssignment.delete().where(PageAssignment.page.in_(ids)).execute()
            if editor:
                now = utc_now()
                PageAssignment.insert_many(
                    [{"page": i, "editor": editor, "author": who, "created": now} for i in ids]
                ).execute()
        found_now = self.assignments()
        return [found_now[i] for i in ids if i in found_now]

    def assign_issue(self, issue_id: int, editor: str, author: str | None = None) -> list[Assignment]:
        """Give every page of the issue to ``editor`` (an empty name: to nobody)."""
        if Issue.get_or_none(Issue.id == issue_id) is None:
            raise DubaoError(f"no issue {issue_id} in the library")
        pages = [i for (i,) in Page.select(Page.id).where(Page.issue == issue_id).tuples()]
        if not pages:
            raise DubaoError(f"issue {issue_id} has no pages")
        return self.assign(pages, editor, author)

    def assignments(self, issue_id: int | None = None) -> dict[int, Assignment]:
        """Page id -> its assignment, for the library (or one issue); pages given to nobody are absent."""
        query = (
            PageAssignment.select(
                PageAssignment.page,
                Page.issue,
                PageAssignment.editor,
                PageAssignment.author,
                PageAssignment.created,
            )
            .join(Page)
            .order_by(Page.issue, Page.position, Page.id)
        )
        if issue_id is not None:
            query = query.where(Page.issue == issue_id)
        return {
            page: Assignment(page, issue, editor, author, _when(created))
            for page, issue, editor, author, created in query.tuples()
        }


def _when(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
