"""Start-up from what the window showed of its library when it last closed.

A mixin of the window's library side (``LibraryWindow``): the panel and the library page read last
are shown from the view kept at exit (``models.library.start_view``), and the library opens just
after (or at once when something needs it): the panel is filled anew from it and the page read
again in place, which after a write since the last exit shows whatever the write changed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer


class LibraryStartView:
    """The kept view's side of the window (expects LibraryWindow's and MainWindow's attributes)."""

    def start_library(self, page_id: int | None = None) -> bool:
        """At start-up, fill the panel (and show library page ``page_id``) from what the window
        showed of this library file when it last closed (``models.library.start_view``), even
        if the file was written since; peewee and the library's modules are not loaded for it.
        The library opens on the next pass of the event loop, or at once when anything needs it
        first (a key or a mouse button builds the capabilities, which open it), and what was
        shown from the view is read again from it. A library file that does not exist yet shows
        as the empty library it will be. False when nothing fitting is kept: then nothing is shown."""
        from models.library import start_view
        from models.library.location import app_data_dir

        if self.library is not None or getattr(self, "_pending_page", None) is not None:
            return False
        if getattr(self, "_capabilities", None) is not None:
            return False  # built already (the scan shown at start): they read the library's page
        file = start_view.library_file(self.db_path)
        # A library not made yet (a first start) shows its empty panel at once and is made just after.
        view = None if file is None else start_view.read(app_data_dir(), file) or start_view.new_library(file)
        if view is None:
            return False
        kept = view.page
        if page_id is not None and (
            kept is None or kept.info.id != page_id or kept.info.parser_version != self._parser_version()
        ):
            return False

        def pages_of(issue_id: int) -> list:
            if issue_id in view.pages:
                return view.pages[issue_id]
            return self.library.pages(issue_id) if self.open_library() else []

        self.library_panel.set_issues(view.issues, pages_of, view.done, view.assigned)
        if page_id is not None:
            self.page_content = None  # read when the library opens (nothing reads it before)
            self._show_library_page(page_id, kept.page, kept.info, kept.issue)
        # -1: the panel only (the page shown is a file); else the library page shown from the view
        self._pending_page = -1 if page_id is None else page_id
        self._pending_current = view.current
        QTimer.singleShot(0, self.open_pending_library)
        return True

    def open_pending_library(self) -> None:
        """Open the library now if the start-up showed it from the kept view (and it is not yet)."""
        if getattr(self, "_pending_page", None) is not None and not self.open_library():
            self._pending_page = None  # told (a dialog); the panel and page stay as kept

    def _started_from_view(self) -> None:
        """The library is open: read the page shown from the kept view again, in place (its
        highlights and corrections are the library's from now on; the columns a write since the
        last exit changed are set again). A page the write removed is told, and the sample page
        shown instead, as a start on a last page that is gone does."""
        page_id, self._pending_page = self._pending_page, None
        if page_id is not None and page_id >= 0 and self.page_where == f"library:{page_id}":
            if not self.open_library_page(page_id, in_place=True) and not getattr(
                self, "_pending_current", True
            ):
                from models.resources import resource_path

                self.open_path(resource_path("sample-page.txt"))

    def keep_start_view(self) -> bool:
        """At exit: keep what the panel and the library page show for the next start (closing
        the library first, which writes its log into the file). Nothing for a server."""
        from models.library import start_view
        from models.library.location import app_data_dir

        library = self.library
        if library is None:
            return False  # not opened this time: what was kept (if anything) still holds or not
        if library.path is None or library.server_url:
            start_view.forget(app_data_dir())
            return False
        page_id = getattr(self, "library_page_id", None) if self.page_where.startswith("library:") else None
        try:
            view = start_view.gather(library, page_id)
        except Exception:  # noqa: BLE001 - nothing kept: the next start reads the library
            start_view.forget(app_data_dir())
            return False
        path = library.path
        library.close()
        self.library = None
        return start_view.keep(app_data_dir(), path, view)
