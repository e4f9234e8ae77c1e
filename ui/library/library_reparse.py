"""Library ▸ Re-parse Page / Issue / Library: the pages read again by the parser that runs now.

The re-parse runs in a QThread with its own Library connection (``models.library.reparsing``:
one transaction per page, highlights moved with their words, structure edits and corrections
applied again, the parser version recorded), so the window goes on painting and the reader may
go on reading; a progress dialog counts the pages and can cancel between two pages. When it is
done the window's library tells its listeners which pages were re-parsed, so the page shown, its
highlights and the annotations panel are read again. Pages whose write failed (another program
held the library, a full disk) are told in a message box with Retry, which re-parses just those.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressDialog

from ui.library.library_tasks import LibraryTask, start_task, task_progress

#: The failure box's object name (tests look it up by this).
FAILURE_BOX = "reparseFailed"


class ReparseTask(LibraryTask):
    """Re-parse pages of the library file at ``db_path``: given ids, or a page, an issue, the library.
    ``succeeded`` carries the core's ReparseReport (also when cancelled: it says what was done);
    ``failed`` a one-line reason nothing was started (the page or issue is gone, the library
    unreadable)."""

    #: (pages done, pages in all)
    progressed = Signal(int, int)

    def __init__(
        self,
        db_path: str,
        *,
        page_ids: Sequence[int] | None = None,
        page_id: int | None = None,
        issue_id: int | None = None,
        every: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.page_ids = list(page_ids) if page_ids is not None else None
        self.page_id = page_id
        self.issue_id = issue_id
        self.every = every

    def work(self) -> Any:
        from models.library.reparsing import pages_in_scope, reparse_pages
        from models.library.service import Library

        def progress(done: int, total: int, _page_id: int) -> bool:
            self.progressed.emit(done, total)
            return self.going_on()

        library = Library.open(self.db_path)
        try:
            pages = self.page_ids
            if pages is None:
                pages = pages_in_scope(library, page_id=self.page_id, issue_id=self.issue_id)
            return reparse_pages(library, pages, every=self.every, progress=progress)
        finally:
            library.close()


class LibraryReparse(QObject):
    """The Library menu's re-parse actions for one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: ReparseTask | None = None
        self.progress: QProgressDialog | None = None
        #: the report whose failed pages are told once its worker has ended
        self._to_tell: Any = None
        self.page_action = QAction(self.tr("Re-parse &Page"), window)
        self.page_action.triggered.connect(lambda: self.start("page"))
        self.issue_action = QAction(self.tr("Re-parse &Issue"), window)
        self.issue_action.triggered.connect(lambda: self.start("issue"))
        self.library_action = QAction(self.tr("Re-parse &Library…"), window)
        self.library_action.setToolTip(self.tr("Pages made by an older version of the parser"))
        self.library_action.triggered.connect(lambda: self.start("library"))
        self.menu = QMenu(self.tr("&Library"), window)
        for action in self.actions():
            window.addAction(action)
            self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._update_actions)

    def actions(self) -> list[QAction]:
        return [self.page_action, self.issue_action, self.library_action]

    def _shown_page(self) -> int | None:
        where = getattr(self.window, "page_where", "")
        return getattr(self.window, "library_page_id", None) if where.startswith("library:") else None

    def _update_actions(self) -> None:
        idle = self.task is None
        shown = self._shown_page() is not None
        self.page_action.setEnabled(idle and shown)
        self.issue_action.setEnabled(idle and shown)
        self.library_action.setEnabled(idle)

    def add_to_menu(self, menu: QMenu, page_id: int | None, issue_id: int | None) -> None:
        """Re-parse Page / Issue on a context menu (the library panel's), for the page or issue
        it was opened on rather than the page shown; disabled while a re-parse runs."""
        menu.addSeparator()
        if page_id is not None:
            action = menu.addAction(self.page_action.text(), lambda: self.start("page", page=page_id))
            action.setEnabled(self.task is None)
        if issue_id is not None:
            action = menu.addAction(self.issue_action.text(), lambda: self.start("issue", issue=issue_id))
            action.setEnabled(self.task is None)

    def start(
        self,
        scope: str,
        page_ids: Sequence[int] | None = None,
        *,
        page: int | None = None,
        issue: int | None = None,
    ) -> bool:
        """Re-parse the shown page (or ``page``), its issue (or ``issue``), or the library's pages
        of older parsers (or the given pages: a retry) in the background; False when nothing was
        started."""
        w: Any = self.window
        if self.task is not None:
            w.statusBar().showMessage(self.tr("A re-parse is already running."), 3000)
            return False
        if not w.open_library() or w.library.path is None:
            return False
        kwargs: dict[str, Any] = {"every": scope != "library"}  # asked for by name: even if current
        if page_ids is not None:
            kwargs["page_ids"] = page_ids
        elif scope == "issue" and issue is not None:
            kwargs["issue_id"] = issue
        elif scope in ("page", "issue"):
            page_id = page if page is not None else self._shown_page()
            if page_id is None:
                w.statusBar().showMessage(self.tr("Open a page of the library first."), 4000)
                return False
            if scope == "page":
                kwargs["page_id"] = page_id
            else:
                kwargs["issue_id"] = w.library.page_info(page_id).issue_id
        elif not w.library.stale_pages():
            w.statusBar().showMessage(self.tr("Every page was made by this version of the parser."), 5000)
            return True
        task = ReparseTask(str(w.library.path), parent=self, **kwargs)
        dialog = task_progress(
            w, task, self.tr("Re-parsing pages…"), self.tr("Cancel"), self.tr("Re-parse"), "reparseProgress"
        )
        start_task(self, task, dialog)
        self._update_actions()
        return True

    def stop(self) -> None:
        """Cancel a running re-parse and wait for it (the window is closing): pages stay whole."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30000)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(done)
            self.progress.setLabelText(
                self.tr("Re-parsing page %1 of %2…")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
            )

    def _succeeded(self, report: Any) -> None:
        w: Any = self.window
        if w.library is not None and report.page_ids:
            # The worker wrote through its own connection: the window's views read the pages again.
            w.library.announce_reparsed(report.page_ids)
        w.statusBar().showMessage(report.summary(), 8000)
        if report.failed:
            # Told once the worker has ended (_finished): its report comes a moment before, and
            # Retry pressed in between (Enter at once) would find a re-parse still running.
            self._to_tell = report

    def _tell_failed(self, report: Any) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setObjectName(FAILURE_BOX)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not re-parsed"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # reasons may quote paths
        if len(report.failed) == 1:
            box.setText(self.tr("1 page was not re-parsed; it is as it was."))
        else:
            box.setText(
                self.tr("%1 pages were not re-parsed; they are as they were.").replace(
                    "%1", str(len(report.failed))
                )
            )
        lines = [self.tr("Page %1: %2").replace("%1", str(p)).replace("%2", why) for p, why in report.failed]
        box.setInformativeText("\n".join(lines[:10]) + ("\n…" if len(lines) > 10 else ""))
        box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        failed = [p for p, _ in report.failed]
        box.finished.connect(
            lambda answer: self.start("pages", failed) if answer == QMessageBox.StandardButton.Retry else None
        )
        box.open()
        return box

    def _failed(self, reason: str) -> None:
        self.window.show_error(self.tr("Nothing was re-parsed"), reason)  # type: ignore[attr-defined]

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self._update_actions()
        report, self._to_tell = self._to_tell, None
        if report is not None:
            self._tell_failed(report)
