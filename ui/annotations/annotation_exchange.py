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
        from models.annotations.exchange import read_annotation_file
        from models.errors import DubaoError

        try:
            # As the CLI reads it: a folder, a FIFO (read_bytes() waited for a writer forever,
            # the window frozen) or a file over the limit is refused before anything is read.
            data = read_annotation_file(path)
        except DubaoError as exc:
            self.refused(str(exc))
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
            left_out = self.left_out(report, corrections)
            if left_out:  # what the CLI's summary says beside the counts, in the window too
                message += "; " + "; ".join(left_out)
            self.session._say(message)
            conflicts = corrections.conflict_list if corrections is not None else []
            skipped = report.skipped + (corrections.skipped if corrections is not None else 0)
            if conflicts or skipped:  # a status-bar line alone is replaced by the next message
                self.tell_conflicts(conflicts, left_out if skipped else [])

        # The import's change notice repaints the shown page.
        result = run_write(
            self.session.window,
            self.tr("The import"),
            merge,
            imported,
            refused=lambda message: self.refused(f"{path}: {message}"),
        )
        return result[0] if isinstance(result, tuple) else result

    def refused(self, reason: str) -> None:
        """A file the import refused (not JSON, not W3C, an offset past any text, missing): told
        in a dialog, as the window tells every bad input; it was a status-bar line, gone with
        the next message. Nothing of the file was stored."""
        self.session._say(reason)
        self.session.window.show_error(self.tr("The annotations were not imported"), reason)

    def left_out(self, report: Any, corrections: Any) -> list[str]:
        """What an import did not bring in as it was, one phrase each (the CLI's summary names the
        same): annotations whose page is not here, ids repeated in the file, what was merged
        into another category or cut, and corrections or structure edits it could not place."""
        from models.annotations.exchange import MAX_NAME, MAX_NOTE_CHARS, MAX_TAGS

        parts = []
        if report.skipped:
            parts.append(
                self.tr("%n annotations skipped: their page is not in this library", "", report.skipped)
            )
        if corrections is not None and corrections.skipped:
            parts.append(
                self.tr(
                    "%n corrections or structure edits skipped: their page or words are not in this "
                    "library, or they cannot be read",
                    "",
                    corrections.skipped,
                )
            )
        if report.duplicates:
            parts.append(self.tr("%n ignored: their id came earlier in the file", "", report.duplicates))
        if report.category_conflicts:
            parts.append(
                self.tr(
                    "%n merged onto a highlight of another category (yours kept)",
                    "",
                    report.category_conflicts,
                )
            )
        if report.blank_categories:
            parts.append(
                self.tr("%n with a blank category name put in %1", "", report.blank_categories).replace(
                    "%1", report.fallback_category
                )
            )
        if report.notes_cut:
            parts.append(
                self.tr("%n notes cut to %1 characters", "", report.notes_cut).replace(
                    "%1", f"{MAX_NOTE_CHARS:,}"
                )
            )
        if report.tags_dropped:
            parts.append(
                self.tr("%n tags dropped (at most %1 per highlight)", "", report.tags_dropped).replace(
                    "%1", str(MAX_TAGS)
                )
            )
        if report.names_cut:
            parts.append(
                self.tr("%n tag or category names cut to %1 characters", "", report.names_cut).replace(
                    "%1", str(MAX_NAME)
                )
            )
        return parts

    def tell_conflicts(self, conflicts: list[Any], left_out: list[str] | None = None) -> Any:
        """Say which of a colleague's corrections clash with ones made here, whose is kept and
        where theirs is, and what the import left out (``left_out``, phrases of ``left_out()``): a
        window-modal box (opened with ``open()``), not a status-bar line that the next message
        replaces."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.session.window)
        box.setObjectName(CONFLICTS_BOX)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.PlainText)  # page text and names, shown as they are
        left_out = left_out or []
        if not conflicts:  # nothing clashed, but part of the file was not brought in
            box.setWindowTitle(self.tr("Not everything was imported"))
            box.setText(self.tr("Part of the file was not imported:"))
            box.setInformativeText("\n".join(left_out))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.open()
            return box
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
            # One pass over the placeholders: page text holding "%4" is never read as one; what
            # the OCR read across a line break is shown on one line (⏎), as Correct Everywhere does.
            _fill(
                self.tr("%1, character %2: %3 → yours %4 (%5), theirs %6 (%7)"),
                c.page_name,
                str(c.raw_start),
                c.ocr.replace("\n", "⏎"),
                said(c, c.ours),
                c.our_author or "?",
                said(c, c.theirs),
                c.their_author or "?",
            )
            for c in conflicts[:LISTED]
        ]
        if len(conflicts) > LISTED:
            lines.append(self.tr("… and %n more", "", len(conflicts) - LISTED))
        lines.append("")
        lines.append(self.tr("To use theirs: Edit ▸ Page History…, select their correction, Reinstate."))
        if left_out:
            lines += ["", self.tr("Part of the file was not imported:"), *left_out]
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return box


def _fill(template: str, *values: str) -> str:
    """``template`` with %1, %2 … replaced by ``values`` in one pass (a value is never read again)."""
    import re

    return re.sub(
        r"%(\d)",
        lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
        template,
    )
