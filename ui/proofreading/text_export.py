"""File ▸ Export Proofread Text…: the shown page's issue as it reads now, to hand on.

Plain text (``export --format text``: a ``### issue / page`` line, then each section and a blank
line) or TEI with every correction kept visible (``export --format tei``: ``<choice><sic>…</sic>
<corr>…</corr></choice>``), chosen by the file type in the save dialog. Without a library page
shown, the whole library goes. Written through a temporary file and a rename, never over the
open library; a failure is told in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication

from ui.common.export_paths import ask_save_path


class ProofreadExport(QObject):
    """The action and its export, for one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Export &Proofread Text…"), window)
        self.action.setStatusTip(
            self.tr("The issue's corrected text, as plain text or TEI with each correction")
        )
        self.action.triggered.connect(self.export)
        #: asks where the export goes: (suggested name) -> (path, chosen filter); tests replace it
        self.ask_path: Callable[[str], tuple[str, str]] = lambda suggested: ask_save_path(
            window,
            self.tr("Export Proofread Text"),
            suggested,
            self.tr("Plain text (*.txt);;TEI XML, corrections kept (*.xml)"),
        )

    def _issue(self) -> tuple[int | None, str]:
        """The shown library page's issue (id, label), else the whole library (None, "library")."""
        library = self.window.library
        where = self.window.page_where or ""
        if where.startswith("library:"):
            issue = library.issue(library.page_info(int(where.split(":", 1)[1])).issue_id)
            return issue.id, issue.label
        return None, "library"

    def export(self) -> str | None:
        """Ask for a file and write the proofread text there; its path (None: nothing written)."""
        from models.errors import DubaoError
        from models.export_file import write_atomically
        from models.proofreading.export import pages_in_order, tei_export, text_export

        library = self.window.library
        if library is None and not self.window.open_library():
            return None
        library = self.window.library
        try:
            issue_id, label = self._issue()
        except (DubaoError, OSError) as exc:
            self.window.show_error(self.tr("Nothing was exported"), str(exc))
            return None
        path, chosen = self.ask_path(_file_name(label) + ".txt")
        if not path:
            return None
        tei = Path(path).suffix.lower() == ".xml" or chosen.startswith("TEI")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = len(list(pages_in_order(library, issue_id)))
            text = (
                tei_export(library, issue_id, f"Dubao — {label}") if tei else text_export(library, issue_id)
            )
            write_atomically(path, text.encode("utf-8"), [library.source_path], what="proofread text export")
        except (DubaoError, OSError) as exc:
            self.window.show_error(self.tr("Nothing was exported"), str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(
            self.tr("%n pages of proofread text written to %1", "", pages).replace("%1", path), 8000
        )
        return path


def _file_name(label: str) -> str:
    """A file name from an issue's label (no path separators or characters file systems refuse)."""
    name = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in label).strip(" .")
    return name or "proofread"
