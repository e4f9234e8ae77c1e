"""Edit ▸ Correct Everywhere…: one wrong form corrected in every place it occurs, as one batch.

The dialog takes the wrong form (from the selection or the selected flag) and the replacement,
looks for every occurrence in the issue or the whole library (``Library.find_occurrences``, in
a worker thread for a library file), lists each with its context and a checkbox, and applies
the checked ones as one undoable step (``Library.correct_all(only=…)``). The core leaves out
characters an editor already corrected by hand; the dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.tooltips import tooltip


def marked(occurrence: Any) -> str:
    """The occurrence's context with the occurrence itself in 【】 (a context may hold it twice)."""
    from models.proofreading.correcting import CONTEXT

    context = occurrence.context
    at = (1 if occurrence.start > CONTEXT else 0) + min(occurrence.start, CONTEXT)
    stop = at + occurrence.end - occurrence.start
    return context[:at] + "【" + context[at:stop] + "】" + context[stop:]


def _find(library: Any, old: str, issue: int | None) -> tuple[list[Any], int]:
    """The occurrences a series would correct, and how many it leaves (in corrected words)."""
    left_out: list[int] = []
    return library.find_occurrences(old, issue, left_out), len(left_out)


class OccurrenceSearch(QThread):
    """``library.find_occurrences(old, issue)`` in a worker thread (its own connection)."""

    found = Signal(int, object)  # (request number, (list of Occurrence, how many were left out))
    failed = Signal(int, str)

    def __init__(self, library: Any, number: int, old: str, issue: int | None, parent=None) -> None:
        super().__init__(parent)
        self.library, self.number, self.old, self.issue = library, number, old, issue

    def run(self) -> None:  # the worker thread
        try:
            try:
                found = _find(self.library, self.old, self.issue)
            finally:
                self.library.close()  # this thread's connection only
        except Exception as exc:  # noqa: BLE001 - a worker reports, never dies silently
            self.failed.emit(self.number, str(exc) or type(exc).__name__)
            return
        self.found.emit(self.number, found)


class CorrectEverywhereDialog(QDialog):
    """The wrong form, its replacement, the scope, the occurrences (checkable) and Apply."""

    def __init__(
        self,
        library: Any,
        issue_id: int | None,
        old: str = "",
        new: str = "",
        page_names: Callable[[int], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct Everywhere"))
        self.library = library
        self.issue_id = issue_id
        self.page_names = page_names or (lambda page: str(page))
        self.occurrences: list[Any] = []
        #: occurrences in words corrected before, which a series leaves as they are
        self.left_out = 0
        self.result_of_apply: Any = None
        self._request = 0
        #: the occurrences listed answer the wrong form and scope shown (Find has answered since)
        self._answered = False
        self._workers: list[OccurrenceSearch] = []

        self.old_edit = QLineEdit(old)
        self.new_edit = QLineEdit(new)
        self.scope = QComboBox()
        if issue_id is not None:
            self.scope.addItem(self.tr("This issue"), issue_id)
        self.scope.addItem(self.tr("Whole library"), None)
        form = QFormLayout()
        form.addRow(self.tr("&Wrong form:"), self.old_edit)
        form.addRow(self.tr("&Replace with:"), self.new_edit)
        form.addRow(self.tr("&Scope:"), self.scope)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.clicked.connect(self.find)
        self.list = QListWidget()
        self.list.itemChanged.connect(lambda _item: self._update_count())
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        # Enter never applies (it deleted every occurrence when the replacement was still
        # empty): Enter in the wrong form finds, elsewhere it does nothing (keyPressEvent).
        for button in (self.find_button, self.apply_button, *self.buttons.buttons()):
            button.setAutoDefault(False)
        self.old_edit.returnPressed.connect(self.find)
        # Enter in Replace with lists the occurrences when they are not listed yet (it never applies).
        self.new_edit.returnPressed.connect(self._find_if_not_listed)
        self.new_edit.textChanged.connect(lambda _text: self._update_count())
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.old_edit.textChanged.connect(self._forget)
        self.scope.currentIndexChanged.connect(lambda _i: self._forget())
        self.resize(640, 460)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """The button box makes Apply the default button as it is shown, drawn so as if Enter
        pressed it; Enter never applies here, so nothing is drawn as the default."""
        super().showEvent(event)
        for button in (self.apply_button, *self.buttons.buttons()):
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter never reaches the button box (which would make Apply the default button)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- finding --------------------------------------------------------------------------------
    def _forget(self) -> None:
        """The wrong form or the scope changed: the list is out of date until Find."""
        self._request += 1
        self._answered = False
        self.occurrences = []
        self.list.clear()
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Press Find to list the occurrences."))

    def _find_if_not_listed(self) -> None:
        if not self._answered and not self._workers and self.old_edit.text():
            self.find()

    def find(self) -> None:
        old = self.old_edit.text()
        self._forget()
        if not old:
            self.summary.setText(self.tr("Type the wrong form first."))
            return
        number = self._request
        issue = self.scope.currentData()
        if getattr(self.library, "path", None) is None:  # in memory: one connection, this thread
            try:
                self._found(number, _find(self.library, old, issue))
            except Exception as exc:  # noqa: BLE001 - told in the dialog
                self._failed(number, str(exc))
            return
        self.summary.setText(self.tr("Looking…"))
        self.find_button.setEnabled(False)
        worker = OccurrenceSearch(self.library, number, old, issue, self)
        worker.found.connect(self._found)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda w=worker: self._done(w))
        self._workers.append(worker)
        worker.start()

    def _done(self, worker: OccurrenceSearch) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        self.find_button.setEnabled(not self._workers)

    def wait_for_search(self, msecs: int = 10000) -> None:
        """Block until the searches are done (for tests and closing)."""
        for worker in list(self._workers):
            worker.wait(msecs)

    def _failed(self, number: int, reason: str) -> None:
        if number == self._request:
            self.summary.setText(self.tr("The search failed: %1").replace("%1", reason))

    def _found(self, number: int, found: object) -> None:
        if number != self._request:
            return  # an older search: the form or scope has changed since
        occurrences, self.left_out = found  # type: ignore[misc]
        self.occurrences = list(occurrences)
        self._answered = True
        self.list.blockSignals(True)
        for occurrence in self.occurrences:
            text = f"{self.page_names(occurrence.page)} · {marked(occurrence)}".replace("\n", " ⏎ ")
            item = QListWidgetItem(text)  # a list item shows plain text
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(tooltip(text))  # tooltips may be read as rich text
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_count()

    def checked(self) -> list[Any]:
        return [
            o
            for row, o in enumerate(self.occurrences)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _update_count(self) -> None:
        chosen = len(self.checked())
        deleting = not self.new_edit.text()
        self.apply_button.setText(self.tr("&Delete") if deleting else self.tr("&Apply"))
        self.apply_button.setEnabled(chosen > 0)
        if not self._answered:  # typing the replacement before Find: nothing was looked for yet
            return
        if not self.occurrences and self.left_out:
            # A search lists them (a series made before, taken for a wrong one): say why not here.
            self.summary.setText(
                self.tr(
                    "No occurrence to correct: %n stand in words corrected before, which a series "
                    "leaves as they are. To take a series back: Ctrl+Z, or Edit ▸ Page History…, "
                    "Revert Batch.",
                    "",
                    self.left_out,
                )
            )
            return
        if not self.occurrences:
            self.summary.setText(
                self.tr("No occurrence found (characters already corrected by hand are left out).")
            )
            return
        self.summary.setText(
            self.tr("%n occurrences checked", "", chosen)
            + " / "
            + self.tr("%n found", "", len(self.occurrences))
            + " — "
            + self.tr("characters already corrected by hand are left as they are.")
            + (
                " " + self.tr("%n more stand in words corrected before.", "", self.left_out)
                if self.left_out
                else ""
            )
            + (
                " " + self.tr("Nothing to replace them with: the checked ones are deleted.")
                if deleting
                else ""
            )
        )

    # --- applying ------------------------------------------------------------------------------------
    def apply(self) -> None:
        """Correct the checked occurrences as one batch (one Ctrl+Z undoes it)."""
        chosen = self.checked()
        if not chosen:
            return
        self.wait_for_search()
        try:
            self.result_of_apply = self.library.correct_all(
                self.old_edit.text(), self.new_edit.text(), self.scope.currentData(), only=chosen
            )
        except Exception as exc:  # noqa: BLE001 - nothing was saved: say so, keep the dialog
            self.summary.setText(self.tr("Nothing was corrected: %1").replace("%1", str(exc)))
            return
        self.accept()

    def done(self, result: int) -> None:
        self.wait_for_search()
        super().done(result)
