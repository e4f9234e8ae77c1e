"""Edit ▸ Page History…: a page's corrections and structure edits, reverting them, and a diff.

The History tab lists ``Library.page_history`` (newest first: time, author, old → new, state);
Revert sets one aside, Revert Batch the whole step it was made in, Reinstate puts a reverted
correction or structure edit back (all undoable steps of the core, and the page is shown again through the
library's listeners). The Diff tab compares two points of the page's life, chosen in its From
and To lists: the OCR text, the page after each step of its history, or now. OCR text against
now is ``Library.diff_raw``; any other pair is ``Library.diff_between``. Removed characters are
struck through in red between ⟦− ⟧, added ones underlined in green between ⟦+ ⟧. Everything is
inserted as plain text (no markup from the page reaches Qt's rich-text parser).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.refusal_words import refusal_said
from ui.common.tooltips import tooltip

ADDED = ("⟦+", "⟧")
REMOVED = ("⟦−", "⟧")
#: the two ends of the moments a diff can compare (a step's moment is its time in ISO form)
OCR_TEXT = "ocr"
NOW = "now"


class PageHistoryDialog(QDialog):
    """One page's history and diff."""

    def __init__(self, library: Any, page_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.page_id = page_id
        self.entries: list[Any] = []
        info = library.page_info(page_id)
        self.setWindowTitle(self.tr("Page History — %1").replace("%1", info.name))
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Author"), self.tr("Change"), self.tr("State")])
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.clicked.connect(self.revert_selected)
        self.batch_button = QPushButton(self.tr("Revert &Batch"))
        self.batch_button.clicked.connect(self.revert_selected_batch)
        self.reinstate_button = QPushButton(self.tr("Rei&nstate"))
        self.reinstate_button.setToolTip(self.tr("Put a reverted correction or structure edit back in force"))
        self.reinstate_button.clicked.connect(self.reinstate_selected)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        history = QWidget()
        layout = QVBoxLayout(history)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(self.revert_button)
        row.addWidget(self.batch_button)
        row.addWidget(self.reinstate_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.diff = QTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setAcceptRichText(False)
        self.from_box = QComboBox()
        self.to_box = QComboBox()
        for box in (self.from_box, self.to_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
            box.currentIndexChanged.connect(lambda _i: self.show_diff())
        compare = QWidget()
        compare_layout = QVBoxLayout(compare)
        ends = QHBoxLayout()
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.from_box)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.to_box)
        ends.addWidget(from_label)
        ends.addWidget(self.from_box, 1)
        ends.addWidget(to_label)
        ends.addWidget(self.to_box, 1)
        compare_layout.addLayout(ends)
        compare_layout.addWidget(self.diff, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(history, self.tr("&History"))
        self.tabs.addTab(compare, self.tr("&Diff"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(buttons)
        self.resize(760, 520)
        self.refresh()
        # The keyboard in the list (it was on the tab bar: Down, End and Revert's keys acted on
        # the row chosen on open, not the one the editor moved to, seen on Xvfb).
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- history ----------------------------------------------------------------------------------
    def _state_name(self, state: str) -> str:
        return {
            "in_force": self.tr("in force"),
            "reverted": self.tr("reverted"),
            "superseded": self.tr("superseded"),
        }.get(state, state)

    def refresh(self) -> None:
        """Read the history and the diff again from the library."""
        current = self.tree.currentIndex().row()
        self.entries = self.library.page_history(self.page_id)
        self.tree.clear()
        for entry in self.entries:
            change = self._change_text(entry)
            when = entry.created.strftime("%Y-%m-%d %H:%M:%S")
            state = self._state_name(entry.state)
            if getattr(entry, "import_conflict", False):  # nobody here reverted it: say why it is not in force
                state = (
                    self.tr("not applied: clashed with a correction here on import")
                    if entry.what == "correction"
                    else self.tr("not applied: clashed with a structure edit here on import")
                )
            item = QTreeWidgetItem([when + " UTC", entry.author, change, state])
            # Where on the page: several corrections of one word are told apart by their context.
            where = getattr(entry, "context", "")
            tip = change + ("\n" + where if where else "")
            item.setToolTip(2, tip.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>"))
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        if self.entries:
            self.tree.setCurrentItem(self.tree.topLevelItem(max(0, min(current, len(self.entries) - 1))))
        if not self.entries:
            self.message.setText(self.tr("No corrections on this page yet."))
        self._update_buttons()
        self._fill_moments()
        self.show_diff()

    def selected(self) -> Any:
        row = self.tree.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.state != "reverted")
        self.batch_button.setEnabled(entry is not None and entry.batch_id is not None)
        self.reinstate_button.setEnabled(entry is not None and entry.state == "reverted")

    def _run(self, call, reinstating: bool = False) -> bool:
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - refused or not written: say why, nothing changed
            why = refusal_said(exc)
            failed = (
                self.tr("Nothing was reinstated: %1") if reinstating else self.tr("Nothing was reverted: %1")
            )
            self.message.setText(failed.replace("%1", why))
            return False
        self.refresh()
        if not getattr(result, "changed", True):
            self.message.setText(
                self.tr("Nothing to reinstate.") if reinstating else self.tr("Nothing to revert.")
            )
        elif reinstating:
            set_aside = len(result.reverted_corrections) + len(result.reverted_structure_edits)
            self.message.setText(
                self.tr("Reinstated. Ctrl+Z in the window undoes it.")
                if not set_aside
                else self.tr(
                    "Reinstated; %n edits saying otherwise about the same place set aside. "
                    "Ctrl+Z in the window undoes it.",
                    "",
                    set_aside,
                )
            )
        else:
            self.message.setText(self.tr("Reverted. Ctrl+Z in the window undoes it."))
        return True

    def revert_selected(self) -> bool:
        entry = self.selected()
        if entry is None or entry.state == "reverted":
            return False
        if entry.what == "correction":
            return self._run(lambda: self.library.revert_correction(entry.id))
        return self._run(lambda: self.library.revert_structure_edit(entry.id))

    def reinstate_selected(self) -> bool:
        """Put the selected reverted correction or structure edit back in force (what says
        otherwise about the same place is set aside)."""
        entry = self.selected()
        if entry is None or entry.state != "reverted":
            return False
        if entry.what == "correction":
            return self._run(lambda: self.library.reinstate_correction(entry.id), reinstating=True)
        return self._run(lambda: self.library.reinstate_structure_edit(entry.id), reinstating=True)

    def revert_selected_batch(self) -> bool:
        entry = self.selected()
        if entry is None or entry.batch_id is None:
            return False
        return self._run(lambda: self.library.revert_batch(entry.batch_id))

    # --- diff ---------------------------------------------------------------------------------------
    def _moments(self) -> list[tuple[datetime, str]]:
        """Each moment the page changed (a step made, a correction reverted), oldest first, named."""
        by_time: dict[datetime, list[str]] = {}
        for entry in self.entries:
            change = self._change_text(entry)
            by_time.setdefault(entry.created, []).append(
                f"{change} ({entry.author})" if entry.author else change
            )
            if entry.reverted is not None:
                by_time.setdefault(entry.reverted, []).append(self.tr("%1 reverted").replace("%1", change))
        moments = []
        for when in sorted(by_time):
            changes = by_time[when]
            more = self.tr(" and %n more", "", len(changes) - 1) if len(changes) > 1 else ""
            label = (
                self.tr("after %1: %2")
                .replace("%1", when.strftime("%Y-%m-%d %H:%M:%S"))
                .replace("%2", changes[0] + more)
            )
            moments.append((when, label))
        return moments

    def _change_text(self, entry: Any) -> str:
        old = entry.old.replace("\n", "⏎")
        new = entry.new.replace("\n", "⏎")
        if entry.what == "correction":
            return f"{old} → {new or self.tr('(deleted)')}"
        return self._structure_text(entry) or new or old

    def _structure_text(self, entry: Any) -> str:
        """A structure edit in the window's language ("" for a kind this dialog does not know)."""
        from ui.common.structure_words import StructureWords

        return StructureWords().wording(entry.what, entry.value, entry.where, entry.target)

    def _fill_moments(self) -> None:
        """The From and To lists: the OCR text, after each step, now (the choices kept if still there)."""
        chosen = (self.from_box.currentData(), self.to_box.currentData())
        moments = self._moments()
        for box in (self.from_box, self.to_box):
            box.blockSignals(True)
            box.clear()
        self.from_box.addItem(self.tr("The OCR text"), OCR_TEXT)
        for when, label in moments:
            self.from_box.addItem(label, when.isoformat())
            self.to_box.addItem(label, when.isoformat())
        self.to_box.addItem(self.tr("Now"), NOW)
        for box, value, default in (
            (self.from_box, chosen[0], 0),
            (self.to_box, chosen[1], self.to_box.count() - 1),
        ):
            index = box.findData(value) if value else -1
            box.setCurrentIndex(index if index >= 0 else default)
            box.blockSignals(False)

    @staticmethod
    def _moment(key: str) -> datetime | None:
        if key == OCR_TEXT:
            return datetime.min
        return None if key == NOW else datetime.fromisoformat(key)

    def compare(self, earlier: datetime | str, later: datetime | str) -> None:
        """Show the diff between two moments: ``OCR_TEXT``, the time of a step in the history
        (or of a revert), ``NOW``."""
        for box, value in ((self.from_box, earlier), (self.to_box, later)):
            key = value.isoformat() if isinstance(value, datetime) else value
            index = box.findData(key)
            if index < 0:
                raise ValueError(f"no such moment in the page's history: {value}")
            box.setCurrentIndex(index)
        self.show_diff()

    def show_diff(self) -> None:
        """Each changed section between the chosen moments: removals and additions marked."""
        first, last = self.from_box.currentData() or OCR_TEXT, self.to_box.currentData() or NOW
        for box in (self.from_box, self.to_box):
            box.setToolTip(tooltip(box.currentText()))  # page text: never read as markup
        whole = first == OCR_TEXT and last == NOW
        try:
            if whole:
                diffs = self.library.diff_raw(self.page_id)
            else:
                diffs = self.library.diff_between(self.page_id, self._moment(first), self._moment(last))
        except Exception as exc:  # noqa: BLE001 - the library could not be read: say so in the pane
            self.diff.setPlainText(self.tr("The diff could not be made: %1").replace("%1", str(exc)))
            return
        self.diff.clear()
        cursor = QTextCursor(self.diff.document())
        plain = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(700)
        removed = QTextCharFormat()
        removed.setFontStrikeOut(True)
        removed.setForeground(QColor("#b00020"))
        added = QTextCharFormat()
        added.setFontUnderline(True)
        added.setForeground(QColor("#1b7f3b"))
        any_change = False
        for diff in diffs:
            if not diff.changed:
                continue
            any_change = True
            if diff.new_section is None:
                title = self.tr("Section %1 (gone)").replace("%1", str((diff.old_section or 0) + 1))
            elif diff.old_section is None:
                title = self.tr("Section %1 (new)").replace("%1", str(diff.new_section + 1))
            else:
                title = self.tr("Section %1").replace("%1", str(diff.new_section + 1))
            cursor.insertText(title + "\n", heading)
            for op in diff.ops:
                if op.op == "equal":
                    cursor.insertText(op.old, plain)
                    continue
                # A paragraph break taken out or put in shows as ⏎ (the new one also breaks the line).
                if op.old:
                    cursor.insertText(REMOVED[0] + op.old.replace("\n", "⏎") + REMOVED[1], removed)
                if op.new:
                    cursor.insertText(ADDED[0] + op.new.replace("\n", "⏎") + ADDED[1], added)
                    if "\n" in op.new:
                        cursor.insertText("\n", plain)
            cursor.insertText("\n\n", plain)
        if not any_change:
            if whole:
                cursor.insertText(self.tr("The text reads as the OCR read it."), plain)
            else:
                cursor.insertText(self.tr("The text reads the same at both points."), plain)
        self.diff.moveCursor(QTextCursor.MoveOperation.Start)
