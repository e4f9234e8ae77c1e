"""Colleagues' new highlights and corrections appear within a few seconds (issue 13).

Every few seconds, while the window is the active one, the library is asked whether another
connection has committed a write since (:meth:`Library.change_marker`: a pragma or a snapshot,
no table read). When it has, the page shown is read again, in place (its scroll positions,
caret and selection kept, its highlights and corrections fresh), and the library panel is
filled again (its open issues, current page and scroll kept).

Nothing happens while a write of this window waits for Retry, or while the editor is typing in
proofreading mode: the refresh waits for the next poll after the step is committed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

#: How often the library is asked (milliseconds).
INTERVAL_MS = 3000


class LiveUpdates(QObject):
    """Polls the window's library for other writers' commits and shows what they changed."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._library: Any = None
        self._marker: object = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        #: refreshes made (for the status line and tests)
        self.refreshes = 0

    def watch(self, library: Any) -> None:
        """Start from ``library`` as just read (the window has opened it)."""
        self._library, self._marker = library, None
        try:
            self._marker = library.change_marker()
        except Exception:  # noqa: BLE001 - the first poll tells it
            self._library = None

    def _may_poll(self) -> bool:
        w = self.window
        if not w.isActiveWindow():
            return False
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
            self._library, self._marker = library, marker
            return False
        if marker == self._marker:
            return False
        self._marker = marker
        self.refresh()
        return True

    def refresh(self) -> None:
        """Show the library as it is now: the page in place, the panels."""
        w = self.window
        library = w.library
        self.refreshes += 1
        annotations = getattr(getattr(w, "annotation_session", None), "annotations", None)
        if annotations is not None and annotations.library is library:
            annotations.reload_panel_index()
        where = getattr(w, "page_where", "")
        if where.startswith("library:"):
            # Heard by the proofreading session (reads the page again in place) and the
            # annotations (paint the page's highlights afresh).
            library.announce_changed_elsewhere([int(where.split(":", 1)[1])])
        tree = w.library_panel.tree
        scroll = tree.verticalScrollBar().value()
        w.refresh_library()  # keeps open issues and the current page
        tree.verticalScrollBar().setValue(scroll)
