"""Annotations in and out of the library: export to W3C Web Annotation, CSV or Markdown; W3C import.

The export takes the shown page's issue's highlights (else the whole library's) and writes them
through a temporary file and a rename, never over the open library; the import merges a W3C file
as one undoable step and says what was added, merged and left unanchored. The file questions are
the AnnotationSession's (``ask_save_path``, ``ask_open_path``), replaceable in tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from ui.common.library_writes import run_write

#: object name of the box that lists an import's conflicting corrections (tests find it)
CONFLICTS_BOX = "importedCorrectionConflicts"
#: at most so many conflicts are listed one by one in the box
LISTED = 12


class AnnotationExchange(QObject):
    """Export and import of one window's annotations (through its AnnotationSession)."""

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.session = session

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """The strings moved here from AnnotationSession keep its translation context."""
        return QCoreApplication.translate("AnnotationSession", text, disambiguation, n)

    def export_annotations(self) -> str | None:
        """Write the shown page's issue's annotations (else the library's) to a file; its path."""
        from models.annotations.exchange import collect, w3c_bytes
        from models.annotations.exchange_tables import csv_bytes, markdown_bytes
        from models.errors import DubaoError
        from models.export_file import write_atomically

        annotations = self.session.ensure()
        if annotations is None:
            self.session._say(self.tr("Open the library to export annotations."))
            return None
        path, chosen = self.session.ask_save_path()
        if not path:
            return None
        # W3C carries the structure edits only on the file type that says so (an earlier
        # version's import refuses a file holding them).
        structure = chosen == self.session.w3c_filter()
        issue_id = self.session.page.content.info.issue_id if self.session.page is not None else None
        try:
            items = collect(annotations, issue_id)
            scope = annotations.library.issue(issue_id).label if issue_id is not None else "library"
            title = f"Dubao annotations — {scope}"
            suffix = Path(path).suffix.lower()
            if suffix in (".csv", ".md"):
                data = csv_bytes(items) if suffix == ".csv" else markdown_bytes(items, title)
            else:  # W3C carries the editors' corrections too ("motivation": "editing"), as the CLI's,
                # and their structure edits ("classifying"), as the CLI's --structure
                from models.proofreading.exchange import correction_annotations

                edits = correction_annotations(annotations.library, issue_id, structure=structure)
                data = w3c_bytes(items, title, edits)
            # Never over the open library; through a temporary file and a rename.
            write_atomically(path, data, [annotations.library.path], what="annotation export")
        except (DubaoError, OSError) as exc:
            self.session.window.show_error(self.tr("Nothing was exported"), str(exc))  # type: ignore[attr-defined]
            return None
        self.session._say(self.tr("%n annotations written to %1", "", len(items)).replace("%1", path))
        return path

    def import_annotations(self) -> Any:
        """Merge a W3C annotation file into the library; the report (added, merged, unanchored)."""
        from models.annotations.exchange import import_w3c

        annotations = self.session.ensure()
        if annotations is None:
            self.session._say(self.tr("Open the library to import annotations."))
            return None
        path, _chosen = self.session.ask_open_path()
        if not path:
            return None
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.session._say(f"{path}: {exc.strerror or exc}")
            return None

        from models.proofreading.exchange import correction_items, import_corrections

        def merge() -> tuple[Any, Any]:
            report = import_w3c(annotations, data)
            edits = correction_items(data)  # a colleague's corrections ("motivation": "editing")
            return report, (import_corrections(annotations.library, edits) if edits else None)

        def imported(reports: tuple[Any, Any]) -> None:
            report, corrections = reports
            message = (
                self.tr("Imported: %1 added, %2 merged, %3 unanchored")
                .replace("%1", str(report.added))
                .replace("%2", str(report.merged))
                .replace("%3", str(report.unanchored))
            )
            if corrections is not None:
                message += "; " + (
                    self.tr("corrections: %1 applied, %2 already here, %3 conflicts")
                    .replace("%1", str(corrections.applied))
                    .replace("%2", str(corrections.known))
                    .replace("%3", str(corrections.conflicts))
                )
                if corrections.structure_applied or corrections.structure_known:
                    message += "; " + (
                        self.tr("structure edits: %1 applied, %2 already here")
                        .replace("%1", str(corrections.structure_applied))
                        .replace("%2", str(corrections.structure_known))
                    )
            self.session._say(message)
            if corrections is not None and corrections.conflict_list:
                self.tell_conflicts(corrections.conflict_list)

        # The import's change notice repaints the shown page.
        result = run_write(
            self.session.window,
            self.tr("The import"),
            merge,
            imported,
            refused=lambda message: self.session._say(f"{path}: {message}"),
        )
        return result[0] if isinstance(result, tuple) else result

    def tell_conflicts(self, conflicts: list[Any]) -> Any:
        """Say which of a colleague's corrections clash with ones made here, whose is kept and
        where theirs is: a window-modal box (opened with ``open()``), not a status-bar line that
        the next message replaces."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.session.window)
        box.setObjectName(CONFLICTS_BOX)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.PlainText)  # page text and names, shown as they are
        box.setWindowTitle(self.tr("Corrections in conflict"))
        box.setText(
            self.tr(
                "%n of the imported corrections overlap corrections made here. Yours stay in force; "
                "theirs are kept in the page's history, not applied.",
                "",
                len(conflicts),
            )
        )
        from ui.common.structure_words import StructureWords

        words = StructureWords()

        def said(c: Any, value: str) -> str:
            """A correction's replacement, or a structure edit in the window's language (it read
            "role byline" in the Chinese window too)."""
            kind = getattr(c, "structure", "")
            if not kind:
                return value or "∅"
            if kind == "move":  # its value is the words of the section it moves before
                return words.wording(kind, "", c.where, value)
            return words.wording(kind, value, c.where) or f"{kind} {value}"

        lines = [
            self.tr("%1, character %2: %3 → yours %4 (%5), theirs %6 (%7)")
            .replace("%1", c.page_name)
            .replace("%2", str(c.raw_start))
            .replace("%3", c.ocr)
            .replace("%4", said(c, c.ours))
            .replace("%5", c.our_author or "?")
            .replace("%6", said(c, c.theirs))
            .replace("%7", c.their_author or "?")
            for c in conflicts[:LISTED]
        ]
        if len(conflicts) > LISTED:
            lines.append(self.tr("… and %n more", "", len(conflicts) - LISTED))
        lines.append("")
        lines.append(
            self.tr("To use theirs: Edit ▸ Page History…, select their correction, Reinstate.")
        )
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return box
