"""Edit menu entries for reviewing proofreading: Correct Everywhere…, Page History…, Mark Page Done.

They work on the page the window shows (a library page); each change goes through the core
as one committed step, and the library's listeners show the page again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.annotations.highlight_positions import SectionPositions


class ReviewActions(QObject):
    """The actions, made once per window by the proofreading session (``session``: it gives the
    window, the shown page, the flag queue and the status bar)."""

    def __init__(self, session: Any, edit_menu: QMenu, before: QAction | None) -> None:
        super().__init__(session)
        self.session = session
        window = session.window
        self.dialog: Any = None
        self.correct_everywhere_action = QAction(self.tr("Correct E&verywhere…"), window)  # type: ignore[arg-type]
        # Ctrl+Shift+H as the menu shows it, and the platform's Replace key, which an editor
        # tries first for a search-and-replace; Qt knows none on X11 (Ctrl+H there, as GNOME's
        # editors have it: seen on Xvfb, the standard key alone did nothing).
        replace = QKeySequence.keyBindings(QKeySequence.StandardKey.Replace) or [QKeySequence("Ctrl+H")]
        self.correct_everywhere_action.setShortcuts([QKeySequence("Ctrl+Shift+H"), *replace])
        self.correct_everywhere_action.triggered.connect(self.correct_everywhere)
        self.history_action = QAction(self.tr("Page &History…"), window)  # type: ignore[arg-type]
        self.history_action.triggered.connect(self.show_history)
        # Keys no other action (nor the column's editing, nor an input method's usual chords) has:
        # F9 beside the mode's F8; Ctrl+Shift+M for Mark (Ctrl+D deletes in a text field on X11).
        self.history_action.setShortcut(QKeySequence("F9"))
        self.mark_done_action = QAction(self.tr("&Mark Page Done"), window)  # type: ignore[arg-type]
        self.mark_done_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        # Checked while the shown page is done; unchecking puts it back in progress (Ctrl+Z too).
        self.mark_done_action.setCheckable(True)
        self.mark_done_action.triggered.connect(self.mark_done)
        for action in (self.correct_everywhere_action, self.history_action, self.mark_done_action):
            window.addAction(action)  # type: ignore[attr-defined]
            edit_menu.insertAction(before, action)

    def _page(self) -> int | None:
        page_id = self.session._page_id()
        if page_id is None:
            self.session._say(self.tr("Open a page of the library first."))
        return page_id

    # --- a series ------------------------------------------------------------------------------
    def selected_form(self) -> tuple[str, str]:
        """(wrong form, replacement) from the search the keyboard is in (Search Library, Find in
        Page: an editor looks a wrong form up first, then corrects it everywhere; a flag selected
        on the page before is not what was looked up), else the selected flag, else the active
        column's selection."""
        query = self._searched()
        if query:
            return query, ""
        flag = self.session.queue.current()
        if flag is not None:
            return flag.text, flag.suggestion or ""
        column = self.session.window.page_view.active_column()
        if column is None:
            return "", ""
        cursor = column.textCursor()
        positions = SectionPositions(column)
        start = positions.to_section(cursor.selectionStart())
        end = positions.to_section(cursor.selectionEnd())
        text = "\n".join(ref.text.text for ref in column.blocks)[start:end]
        return ("" if "\n" in text else text), ""

    def _searched(self) -> str:
        """What the library search or the find bar found, when the keyboard is in it: the words
        of its current hit (else its first) as the page reads them, since both fold what they
        match (Search Library: traditional and simplified forms, width, case; Find in Page: case)
        and a series looks for the exact form; the query typed while nothing is found for it."""
        from PySide6.QtWidgets import QApplication

        window = self.session.window
        focus = QApplication.focusWidget()
        panel, bar = getattr(window, "search_panel", None), getattr(window, "find_bar", None)
        for owner in (panel, bar):
            if owner is not None and focus is not None and (focus is owner or owner.isAncestorOf(focus)):
                query = owner.field.text().strip()
                if owner is panel:
                    found = panel.found_words(query)
                else:
                    found = window.page_view.hit_words() if window.page_view.query.strip() == query else ""
                text = found or query
                return "" if "\n" in text else text
        return ""

    def correct_everywhere(self) -> None:
        from ui.proofreading.series_correction import CorrectEverywhereDialog

        page_id = self._page()
        if page_id is None:
            return
        library = self.session.window.library
        old, new = self.selected_form()
        names: dict[int, str] = {}

        def page_name(page: int) -> str:
            if page not in names:
                info = library.page_info(page)
                names[page] = info.name
            return names[page]

        issue_id = library.page_info(page_id).issue_id
        dialog = CorrectEverywhereDialog(library, issue_id, old, new, page_name, self.session.window)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._applied(d))
        self.dialog = dialog
        dialog.open()
        if old:
            dialog.find()
            # The wrong form is given: what is left to type is the replacement.
            dialog.new_edit.setFocus()
            dialog.new_edit.selectAll()

    def _applied(self, dialog: Any) -> None:
        result = dialog.result_of_apply
        if result is None:
            return
        # The keyboard goes to the page, where Ctrl+Z undoes the batch as the status bar says
        # (opened from the search field, it went back there, whose own Ctrl+Z ate the query).
        column = self.session.window.page_view.active_column()
        if column is not None:
            column.setFocus(Qt.FocusReason.OtherFocusReason)
        pages = len(set(result.page_ids))
        deleted = not dialog.new_edit.text()
        self.session._say(
            (
                self.tr("%n occurrences deleted", "", result.occurrences)
                if deleted
                else self.tr("%n occurrences corrected", "", result.occurrences)
            )
            + " · "
            + self.tr("%n pages", "", pages)
            + " — "
            + self.tr("Ctrl+Z undoes them all")
        )

    # --- history and status ------------------------------------------------------------------
    def show_history(self) -> None:
        from ui.proofreading.page_history import PageHistoryDialog

        page_id = self._page()
        if page_id is None:
            return
        dialog = PageHistoryDialog(self.session.window.library, page_id, self.session.window)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def show_status(self) -> None:
        """Check Mark Page Done when the shown page is done (a library page only)."""
        page_id = self.session._page_id()
        status = None
        if page_id is not None:
            try:
                status = self.session.window.library.page_status(page_id)
            except Exception:  # noqa: BLE001 - the page is gone, or the library cannot be read now
                status = None
        self.mark_done_action.setChecked(status == "done")

    def mark_done(self, checked: bool = True) -> None:
        """Mark the shown page done (checked) or back in progress; one step Ctrl+Z undoes."""
        page_id = self._page()
        if page_id is None:
            self.show_status()
            return
        status = "done" if checked else "in_progress"
        if self.session.window.set_page_status(page_id, status):  # type: ignore[attr-defined]
            self.session._say(
                self.tr("Page marked done (Ctrl+Z undoes it).")
                if checked
                else self.tr("Page marked in progress (Ctrl+Z undoes it).")
            )
        self.show_status()
