"""Colleagues' new highlights and corrections appear within a few seconds (issue 13).

Every few seconds, while the window is the active one, the library is asked whether another
connection has committed a write since (:meth:`Library.change_marker`: a pragma or a snapshot,
no table read). When it has, the library panel is filled again (its open issues, current page
and scroll kept), and the page shown is read again, in place (its scroll positions, caret and
selection kept on the same words, its highlights and corrections fresh), if its stamp (:meth:`Library.page_stamp`:
its version, its highlights' versions) differs from what the window shows: the window's own
writes and its background tasks' commits (an index rebuild, a re-parse, an import, which also
move the marker on a file; every commit moves it on a server) never read the page again.
A colleague's change to the categories or tags (a rename, a colour, a merge:
:meth:`Library.labels_stamp`) repaints the page's highlights and the panels without reading
the page again.

Nothing happens while a write of this window waits for Retry, or while the editor is typing in
proofreading mode: the refresh waits for the next poll after the step is committed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

#: How often the library is asked (milliseconds).
INTERVAL_MS = 3000


class LiveUpdates(QObject):
    """Polls the window's library for other writers' commits and shows what they changed."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._library: Any = None
        self._marker: object = None
        #: the categories and tags as last seen (:meth:`Library.labels_stamp`)
        self._labels: object = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        #: refreshes made, pages read again in them, and repaints for colleagues' categories or tags
        self.refreshes = 0
        self.page_reloads = 0
        self.label_repaints = 0

    def watch(self, library: Any) -> None:
        """Start from ``library`` as just read (the window has opened it)."""
        self._library, self._marker, self._labels = library, None, None
        try:
            self._marker = library.change_marker()
            self._labels = library.labels_stamp()
        except Exception:  # noqa: BLE001 - the first poll tells it
            self._library = None

    def _may_poll(self) -> bool:
        w = self.window
        if not w.isActiveWindow():
            return False
        from PySide6.QtWidgets import QMessageBox  # (its enum types built when first used)

        from ui.common.library_writes import FAILURE_BOX

        box = w.findChild(QMessageBox, FAILURE_BOX)
        if box is not None and box.isVisible():
            return False  # a write waits for Retry: the page must stay as the user left it
        proofreading = getattr(w, "proofreading", None)
        return not (proofreading is not None and proofreading.typing())

    def poll(self) -> bool:
        """Ask the library once; True if the window showed others' changes."""
        library = getattr(self.window, "library", None)
        if library is None or not self._may_poll():
            return False
        from models.library.failed_writes import write_failure

        try:
            marker = library.change_marker()
        except Exception as exc:  # noqa: BLE001 - a lost server is told, then asked again next time
            failure = write_failure(exc)
            if failure is None:
                raise
            self.window.statusBar().showMessage(
                self.tr("Colleagues' changes cannot be shown now: %1").replace("%1", failure.detail), 5000
            )
            return False
        if library is not self._library:  # a library just opened: what it shows is current
            self._library, self._marker, self._labels = library, marker, library.labels_stamp()
            return False
        if marker == self._marker:
            return False
        self._marker = marker
        self.refresh()
        return True

    def refresh(self) -> None:
        """Show the library as it is now: the page in place (only when what it shows changed),
        the panels."""
        w = self.window
        library = w.library
        self.refreshes += 1
        annotations = getattr(getattr(w, "annotation_session", None), "annotations", None)
        if annotations is not None and annotations.library is library:
            annotations.reload_panel_index()
        labels = library.labels_stamp()
        if labels != self._labels and annotations is not None and annotations.library is library:
            # A colleague renamed or recoloured a category or tag: paint the page and the panels
            # afresh (the page is not read again; the caret stays).
            self.label_repaints += 1
            page = getattr(w.annotation_session, "page", None)
            annotations.announce_labels_changed([h.id for h in page.highlights] if page is not None else [])
        self._labels = labels
        page_id = self._page_shown()
        if page_id is not None and library.page_stamp(page_id) != self._shown_stamp(page_id):
            # Heard by the proofreading session (reads the page again in place) and the
            # annotations (paint the page's highlights afresh).
            self.page_reloads += 1
            library.announce_changed_elsewhere([page_id])
        tree = w.library_panel.tree
        scroll = tree.verticalScrollBar().value()
        w.refresh_library()  # keeps open issues and the current page
        tree.verticalScrollBar().setValue(scroll)

    def _page_shown(self) -> int | None:
        where = getattr(self.window, "page_where", "")
        return int(where.split(":", 1)[1]) if where.startswith("library:") else None

    def _shown_stamp(self, page_id: int) -> tuple[int, int, int, int] | None:
        """The page's stamp as the window shows it (its version, the highlights painted): the
        app's own writes and background work (re-anchoring, an index rebuild, a re-parse of
        other pages) leave it equal to the library's, so they never read the page again."""
        from models.library.live import shown_stamp

        content = getattr(self.window, "page_content", None)
        page = getattr(getattr(self.window, "annotation_session", None), "page", None)
        if content is None or content.info.id != page_id or page is None or page.page_id != page_id:
            return None
        return shown_stamp(content.info.version, page.highlights)
