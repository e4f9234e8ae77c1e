"""Seeing colleagues' writes (issue 13, several writers): cheap markers a window polls.

Methods of :class:`models.library.service.Library` (mixin :class:`LiveOps`). A window asks
:meth:`LiveOps.change_marker` every few seconds; when it moved, it compares
:meth:`LiveOps.page_stamp` of the page it shows with :func:`shown_stamp` of what it shows, and
reads the page again only when they differ: never for its own writes, re-anchoring, a
background task's commits (a search index rebuild, a re-parse, an import) or other pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.library.schema import Category, Page, Tag


class LiveOps:
    """Change markers and page stamps (mixed into the Library)."""

    _db: Any
    server_url: Any
    _notify: Any  # the Library's (ProofDesk._notify)

    def change_marker(self) -> object:
        """A cheap value that changes once another connection (a colleague, another process,
        a worker thread) has committed a write: poll it, and read the page shown again when it differs.

        On a file, SQLite's ``PRAGMA data_version`` of this thread's connection: it moves only
        when another connection commits (no table is read). On a server, PostgreSQL's current
        transaction snapshot (``xmin:xmax:in-progress ids``): any transaction that writes gets an
        id, which moves ``xmax`` on or leaves the in-progress list when it ends, so no commit
        is missed, and nothing is scanned. It also moves for this connection's own writes and
        for writes to other databases on the same server: then the page is read again needlessly
        (one page's reading, cached after). Compare markers only from the same thread (each
        thread has its own connection); never call it inside a write.
        """
        conn = self._db.connection()
        if self.server_url:
            return id(conn.raw), _server_snapshot(conn)
        return id(conn), int(conn.execute("PRAGMA data_version").fetchone()[0])

    def page_stamp(self, page_id: int) -> tuple[int, int, int, int]:
        """What a reader's view of the page depends on that a colleague's write changes, cheaply:
        the page's version (one more with every correction, structure edit, undo or redo) and
        its live highlights' count, sum of versions and newest id (every change of a highlight
        adds one to its version). Compare with :func:`shown_stamp` of what is shown."""
        version = Page.select(Page.version).where(Page.id == page_id).scalar()
        row = self._db.execute_sql(
            "SELECT count(*), coalesce(sum(version), 0), coalesce(max(id), 0) FROM highlight "
            "WHERE page_id = ? AND deleted = ?",
            (page_id, 0),
        ).fetchone()
        return int(version or 0), int(row[0]), int(row[1]), int(row[2])

    def labels_stamp(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """What a reader's view shows of the library's categories and tags (names, colours, menu
        order): a colleague renaming, recolouring, adding, merging or deleting one changes it, and
        the window repaints the page and its panels without reading the page again. Read only when
        :meth:`change_marker` moved (a few hundred short rows at most in a working library)."""
        categories = tuple(
            Category.select(
                Category.id, Category.name, Category.light_colour, Category.dark_colour, Category.position
            )
            .order_by(Category.id)
            .tuples()
        )
        tags = tuple(Tag.select(Tag.id, Tag.name, Tag.colour).order_by(Tag.id).tuples())
        return categories, tags

    def announce_changed_elsewhere(self, page_ids: Sequence[int]) -> None:
        """Tell this library's listeners that pages may have been written by another connection
        (a colleague's highlights or corrections, seen by polling :meth:`change_marker`): views
        showing them read them again. Not an undoable step."""
        from models.history import Change, Command

        if page_ids:
            self._notify(
                Command("Changes by others", [Change("elsewhere", p, None, None, page=p) for p in page_ids])
            )


def shown_stamp(version: int, highlights: Sequence[Any]) -> tuple[int, int, int, int]:
    """:meth:`Library.page_stamp` of a page as a view shows it (its version, its live highlights)."""
    live = [h for h in highlights if not getattr(h, "deleted", False)]
    return (
        version,
        len(live),
        sum(h.version for h in live),
        max((h.id for h in live), default=0),
    )


def _server_snapshot(conn: Any) -> str:
    """PostgreSQL's current snapshot as text (``xmin:xmax:xip``; ``xmax`` is one past the last
    transaction to end, so every commit changes it or leaves the in-progress list)."""
    return str(conn.execute("SELECT txid_current_snapshot()::text").fetchone()[0])
