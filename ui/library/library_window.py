"""The library side of the main window: opening pages from it, search, import, details.

A mixin of MainWindow (kept apart so each module holds one idea); it uses the
window's panels, page view and dialogs, and reaches the library only through
``models.library.service.Library``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.section import ParsedPage
from ui.library.library_start import LibraryStartView
from ui.library.page_details import PageDetails

PAGE_FILE_FILTER = "*.txt *.text"


class LibraryWindow(LibraryStartView):
    """Library behaviour of MainWindow (expects its attributes: panels, page view, settings)."""

    def open_library(self) -> bool:
        """Open the library file (after the first paint); a broken library is reported, not fatal."""
        if self.library is not None:
            return True
        from models.errors import DubaoError
        from ui.library.library_opening import open_library

        try:
            library, target = open_library(self, self.db_path)
        except DubaoError as exc:
            self.show_error(self.tr("The library cannot be opened"), str(exc))
            return False
        if library is None:  # the password prompt was cancelled
            return False
        self.library, self.db_path = library, target  # a password typed stays in memory only
        self.library.preferred_author = self.settings.author() or None  # recorded with corrections
        self.refresh_library()
        if self.live_updates is None:  # made with the first library (after the first paint)
            from ui.library.live_updates import LiveUpdates

            self.live_updates = LiveUpdates(self)
        self.live_updates.watch(self.library)  # colleagues' changes from now on appear by themselves
        if self.library.server_url:
            self.status.setText(self.tr("Library: %1").replace("%1", self.library.label))
        self.update_search_index()
        if getattr(self, "_pending_page", None) is not None:
            self._started_from_view()
        return True

    def choose_library(self) -> bool:
        """File ▸ Open Library…: switch to another library file or a team server."""
        from ui.library.library_opening import ask_library

        target = ask_library(self, self.db_path)
        if target is None:
            return False
        return self.switch_library(target)

    def switch_library(self, target: str) -> bool:
        """Open ``target`` instead of the library open now; the old one stays if the new one fails."""
        old, old_target = self.library, self.db_path
        from ui.library.library_identity import library_key

        old_key = library_key(old)
        self.library, self.db_path = None, target
        if not self.open_library():
            self.library, self.db_path = old, old_target
            return False
        search = getattr(self, "search_panel", None)
        if search is not None:  # a search waiting (the text changed) was of the old library
            search.stop_refresh()
        if old is not None:
            old.close()
        if self.page_where.startswith("library:"):
            self.page_where = ""  # the page shown belonged to the other library
        if getattr(self, "_capabilities", None) is not None:  # (not built for it)
            # The page proofread was the old library's: the mode ends, and no start resumes it.
            self.proofreading.proofread_action.setChecked(False)
        self.settings.set_proofreading_place("", old_key)
        return True

    def update_search_index(self) -> None:
        """Carry on making the search index again, if it must be, in the background with progress."""
        from ui.library.library_tasks import SearchIndexTask

        if self.library is None or getattr(self, "_index_task", None) is not None:
            return
        if self.library.search_index_progress() is None:
            return
        if self.library.path is None:  # an in-memory library: no other thread can reach it
            self.library.update_search_index()
            return
        task = SearchIndexTask(str(self.library.path), self)
        task.progressed.connect(self._search_index_progressed)
        task.failed.connect(
            lambda reason: self.show_error(self.tr("The search index was not updated"), reason)
        )
        task.done.connect(self._search_index_done)
        self._index_task = task
        task.start()

    def _search_index_progressed(self, done: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Updating the search index: %1 of %2 pages (search finds only these so far)")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _search_index_done(self, whole: bool) -> None:
        task, self._index_task = self._index_task, None
        if task is not None:
            task.wait()
            task.deleteLater()
        if whole:
            self.statusBar().showMessage(self.tr("The search index is up to date."), 5000)

    def stop_search_index(self) -> None:
        """Stop the background indexing (on closing; it goes on from there next time)."""
        task = getattr(self, "_index_task", None)
        if task is not None:
            task.cancel()
            task.wait(10000)

    def refresh_library(self) -> None:
        if self.library is None:
            return
        self.library_panel.fill(self.library)

    def set_page_status(self, page_id: int, status: str) -> bool:
        """Mark a library page unchecked, in progress or done; the panel shows it once saved."""
        if self.library is None:
            return False
        try:
            changed = self.library.set_page_status(page_id, status)  # one undoable step
        except Exception as exc:  # noqa: BLE001 - the write failed: tell the user
            self.show_error(self.tr("The page status was not saved"), str(exc) or type(exc).__name__)
            return False
        if changed is not False:
            self.refresh_library()
        return True

    def assign_pages(self, page_id: int, issue_id: int, editor: str | None = None) -> bool:
        """Give a page (``page_id`` >= 0) or a whole issue to an editor; ``editor`` None asks
        for the name, "" gives them to nobody. The panel shows it once saved."""
        if self.library is None:
            return False
        if editor is None:
            from PySide6.QtWidgets import QInputDialog, QLineEdit

            current = self.library_panel.assigned.get(page_id)
            suggested = current.editor if current is not None else (self.library.preferred_author or "")
            title = self.tr("Assign Page") if page_id >= 0 else self.tr("Assign Issue")
            editor, ok = QInputDialog.getText(
                self, title, self.tr("Editor who proofreads it:"), QLineEdit.EchoMode.Normal, suggested
            )
            if not ok or not editor.strip():
                return False
        try:
            if page_id >= 0:
                self.library.assign([page_id], editor)
            else:
                self.library.assign_issue(issue_id, editor)
        except Exception as exc:  # noqa: BLE001 - the write failed: tell the user
            self.show_error(self.tr("The assignment was not saved"), str(exc) or type(exc).__name__)
            return False
        self.refresh_library()
        return True

    def refresh_page_status(self, page_ids) -> None:
        """Show the pages' statuses again if an edit changed one (the first edit: in progress)."""
        if self.library is None:
            return
        shown = self.library_panel.statuses
        for page_id in page_ids:
            try:
                status = self.library.page_status(page_id)
            except Exception:  # noqa: BLE001 - the page is gone: the next refresh shows it
                continue
            if page_id in shown and status != shown[page_id]:
                self.refresh_library()
                return

    @staticmethod
    def _parser_version() -> str:
        # Kept beside the parsed page files, so that opening a page does not load the parser.
        from models.parsed_pages import kept_folder, parser_version

        return parser_version(kept_folder())

    def remove_issue(self, issue_id: int) -> None:
        """Remove an issue and its pages from the library, after asking."""
        from PySide6.QtWidgets import QMessageBox

        from models.errors import DubaoError

        issue = self.library.issue(issue_id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove Issue"),
            self.tr("Remove this issue and its pages from the library?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(issue.label)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self.library.delete_issue(issue_id)
        except DubaoError as exc:
            self.show_error(self.tr("The issue was not removed"), str(exc))
            return
        if self.page_where.startswith("library:") and getattr(self, "library_page_id", None) not in {
            p.id for i in self.library.issues() for p in self.library.pages(i.id)
        }:
            self.page_where = ""
        self.refresh_library()

    def open_library_page_ref(self, where: str) -> bool:
        """Open "library:ID" (the last page read, from settings)."""
        try:
            page_id = int(where.split(":", 1)[1])
        except (IndexError, ValueError):
            return False
        if self.library is None and self.start_library(page_id):
            return True
        return self.open_library() and self.open_library_page(page_id)

    def open_library_page(self, page_id: int, in_place: bool = False) -> bool:
        """Show a page stored in the library, with its corrections applied.

        ``in_place``: the page shown, read again after an edit (its columns are kept if they fit).
        """
        from models.errors import DubaoError

        if not self.open_library():
            return False
        try:
            content = self.library.page(page_id)
            issue = self.library.issue(content.info.issue_id)
        except DubaoError as exc:
            self.show_error(self.tr("This page cannot be opened"), str(exc))
            return False
        if content.info.parser_version != self._parser_version():
            # Stored by an older parser: one page is parsed again at once (a whole issue or the
            # library goes through Library ▸ Re-parse, in the background). Its highlights move with
            # their words. If the library cannot be written now, the page shows as it was stored.
            from models.library.failed_writes import write_failure

            try:
                content = self.library.reparse_page(page_id)
            except Exception as exc:  # noqa: BLE001 - told, and the stored reading is shown
                failure = write_failure(exc)
                if failure is None:
                    raise
                self.statusBar().showMessage(
                    self.tr("The page was not re-parsed: %1").replace("%1", failure.detail), 8000
                )
        self.page_content = content  # what the capabilities read of the page, read once
        page = ParsedPage(raw=content.raw, sections=content.current_sections)
        self._show_library_page(page_id, page, content.info, issue, in_place)
        return True

    def _show_library_page(self, page_id: int, page: ParsedPage, info, issue, in_place: bool = False) -> None:
        name = (info.source_path or "").replace("\\", "/").rsplit("/", 1)[-1]
        details = PageDetails(
            paper=issue.paper or "",
            date=issue.date or "",
            page_number="" if info.number is None else str(info.number),
            page_name=info.name or "",
        )
        self.library_page_id = page_id
        self.show_page(
            page, title=name or issue.label, where=f"library:{page_id}", details=details, in_place=in_place
        )
        self.library_panel.select_page(page_id, info.issue_id)

    def step_page(self, delta: int) -> None:
        """The next or previous page of the library, in issue order."""
        ids = self.library.page_order() if self.library is not None else []
        if not ids:
            return
        current = getattr(self, "library_page_id", None)
        index = ids.index(current) + delta if current in ids else 0
        if 0 <= index < len(ids):
            self.open_library_page(ids[index])

    def focus_library_panel(self) -> None:
        """Go ▸ Library Panel: the panel shown and raised, the keyboard on the page shown (Enter
        opens a page, the Menu key sets its status)."""
        self.library_dock.show()
        self.library_dock.raise_()
        tree = self.library_panel.tree
        if tree.currentItem() is None and tree.topLevelItemCount():
            tree.setCurrentItem(tree.topLevelItem(0))
        tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_library_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_panel.field.selectAll()

    def search_library(self, query: str) -> list:
        """Search every page in the library; the hits go to the search panel."""
        if not query:
            self.search_panel.set_hits("", [])
            return []
        if not self.open_library():
            return []
        raw = self.search_panel.raw.isChecked()
        hits = self.library.search(query, raw=raw)
        if getattr(self, "_index_task", None) is not None:
            self.statusBar().showMessage(
                self.tr("The search index is being updated: pages not indexed yet are not searched."), 5000
            )
        if raw:
            hits = self._mark_corrected_raw_hits(hits)
        self.search_panel.set_hits(query, hits)
        return hits

    def _mark_corrected_raw_hits(self, hits: list) -> list:
        """A raw-text hit over characters a correction in force replaced is marked corrected."""
        from dataclasses import replace

        spans: dict[int, list[tuple[int, int]]] = {}
        out = []
        for hit in hits:
            if hit.page_id not in spans:
                spans[hit.page_id] = [
                    (c.raw_start, c.raw_end) for c in self.library.page(hit.page_id).corrections if c.in_force
                ]
            covered = any(
                a < hit.end and hit.start < b or (a == b and hit.start <= a < hit.end)
                for a, b in spans[hit.page_id]
            )
            out.append(replace(hit, corrected=True) if covered and not hit.corrected else hit)
        return out

    def open_search_hit(self, hit) -> bool:
        """Open the hit's page, mark the query on it and put the view on this very hit."""
        if not self.open_library_page(hit.page_id):
            return False
        self.find_bar.field.blockSignals(True)
        self.find_bar.field.setText(hit.match)
        self.find_bar.field.blockSignals(False)
        self.find_bar.show()
        total = self.page_view.find(hit.match)
        for index, found in enumerate(self.page_view.hits):
            source = self.page_view.columns[found.column].blocks[found.block].text.source
            if source[found.start] == hit.raw_offset:
                self.page_view.current_hit = index
                self.page_view._mark_hits()
                self.page_view._go_to_hit()
                break
        else:
            self.page_view.go_to_raw_offset(hit.raw_offset)
        self.find_bar.set_count(self.page_view.current_hit, total)
        return True

    def set_library_details(self, details: PageDetails) -> None:
        """Store edited details of a library page: paper and date on its issue, number and name on it."""
        from models.errors import DubaoError

        page_id = getattr(self, "library_page_id", None)
        if self.library is None or page_id is None or not self.page_where.startswith("library:"):
            return
        try:
            info = self.library.page_info(page_id)
            self.library.update_issue(info.issue_id, paper=details.paper, date=details.date or None)
            number = int(details.page_number) if details.page_number.isdigit() else None
            self.library.update_page(page_id, number=number, name=details.page_name)
        except DubaoError as exc:
            self.show_error(self.tr("The details were not saved"), str(exc))
            return
        self.refresh_library()

    # --- importing ---------------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # (its enum types built when first used)

        from ui.common.open_paths import ask_open_paths

        paths = ask_open_paths(
            self,
            self.tr("Import Pages"),
            self.tr("Page files (%1);;All files (*)").replace("%1", PAGE_FILE_FILTER),
            QFileDialog.FileMode.ExistingFiles,
        )
        if paths:
            self.import_paths([Path(p) for p in paths], open_first=False)

    def import_paths(self, paths: list[Path], open_first: bool = True) -> bool:
        """Import files and folders in the background with a cancellable progress dialog."""
        from ui.library.library_tasks import ImportTask, task_progress

        if self._import_task is not None:
            self.statusBar().showMessage(self.tr("An import is already running."), 3000)
            return False
        if not self.open_library():
            return False
        if self.library.path is None:
            return False
        self._open_after_import = open_first
        self._import_paths = paths
        task = ImportTask(str(self.library.path), [str(p) for p in paths], self)
        dialog = task_progress(
            self, task, self.tr("Importing pages…"), self.tr("Cancel"), self.tr("Import"), "importProgress"
        )
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names, which may hold anything
        dialog.setLabel(label)
        dialog.setLabelText(self.tr("Importing pages…"))
        task.progressed.connect(self._import_progressed)
        task.succeeded.connect(self._import_succeeded)
        task.failed.connect(self._import_failed)
        task.finished.connect(self._import_finished)
        self._import_task = task
        self._progress = dialog
        self.import_action.setEnabled(False)
        task.start()
        return True

    def _import_progressed(self, done: int, total: int, name: str) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(1, total))
            self._progress.setValue(done)
            self._progress.setLabelText(
                self.tr("Reading %1").replace("%1", name) if name else self.tr("Saving…")
            )

    def _import_succeeded(self, report) -> None:
        if report.cancelled:
            self.statusBar().showMessage(self.tr("Import cancelled; nothing was added."), 5000)
            return
        self.statusBar().showMessage(report.summary(), 5000)
        self.refresh_library()
        if self._open_after_import:
            if report.page_ids:
                self.open_library_page(report.page_ids[0])
            else:  # already in the library: show the file itself
                self.open_paths(self._import_paths, import_first=False)

    def _import_failed(self, reason: str) -> None:
        self.show_error(self.tr("Nothing was imported"), reason)

    def _import_finished(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
        self._progress = None
        if self._import_task is not None:
            self._import_task.deleteLater()
        self._import_task = None
        self.import_action.setEnabled(True)
