"""The one place the window runs a library write and handles its failure (Anki's CollectionOp idea).

A write (a highlight, a tag, a note, a category, a delete, an undo or redo, an attached scan)
is a callable that either commits its transaction and returns, or raises. :func:`run_write`
runs it; on success it calls ``done`` (the caller shows the result as saved only there). On
failure nothing was saved, and the user is told in the window:

- the library refused the input (a ``DubaoError`` that is no storage failure: an empty tag
  name, a highlight deleted meanwhile): ``refused`` gets the one-line reason (a status line,
  the dialog's message), else a message box says it;
- the storage failed (another program held the write lock past the busy timeout, a full disk,
  a read-only file, any other SQLite or OS error): a message box says why and, where trying
  again can help, offers Retry, which runs the very same write again (the selection, the typed
  tag, the note are still there). The box is window-modal and opened with ``open()``, so the
  event loop goes on and tests find it as the window's child named ``libraryWriteFailed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import EditConflict
from models.library.failed_writes import WriteFailure, write_failure
from ui.common.refusal_words import refusal_said

T = TypeVar("T")

#: The message box's object name (tests look it up by this).
FAILURE_BOX = "libraryWriteFailed"
#: The dialog telling that a colleague changed what the user changed (issue 13).
CONFLICT_BOX = "libraryEditConflict"


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryWrites", text)


_STORAGE_MESSAGES = {
    "busy": "Another program is writing to the library and kept it locked for too long.",
    "full": "The disk holding the library is full. Free some space, then retry.",
    "read-only": "The library file, its folder or its disk cannot be written.",
    "io": "The library could not be written.",
}


def _explained(failure: WriteFailure) -> str:
    if failure.worded or failure.reason not in _STORAGE_MESSAGES:
        return failure.detail
    return f"{_tr(_STORAGE_MESSAGES[failure.reason])} ({failure.detail})"


def run_write(
    parent: QWidget,
    what: str,
    op: Callable[[], T],
    done: Callable[[T], object] | None = None,
    refused: Callable[[str], object] | None = None,
) -> T | None:
    """Run one library write; its result after ``done(result)``, or None when it stored nothing.

    ``what`` names the action for the message ("The highlight", "The note").
    """
    try:
        result = op()
    except EditConflict as exc:
        show_conflict(parent, exc)
        return None
    except Exception as exc:
        failure = write_failure(exc)
        if failure is None:
            raise
        if failure.reason == "refused" and getattr(exc, "code", None):  # in the window's language
            failure = replace(failure, detail=refusal_said(exc))
        if failure.reason == "refused" and refused is not None:
            refused(failure.detail)
        else:
            _tell(parent, what, failure, lambda: run_write(parent, what, op, done, refused))
        return None
    if done is not None:
        done(result)
    return result


def show_conflict(parent: QWidget, conflict: EditConflict) -> QMessageBox:
    """Tell the user a colleague changed what they changed: who, when, and where theirs is kept.

    Window-modal, opened with ``open()`` (tests find it as the window's child ``CONFLICT_BOX``);
    the views already show the colleague's version (the library told them)."""
    window = parent.window() if parent is not None else None
    box = QMessageBox(window)
    box.setObjectName(CONFLICT_BOX)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Changed by someone else"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes page text and names
    who = conflict.author or _tr("Someone")
    box.setText(
        _tr("%1 changed this at %2 UTC, after you read it. Your change was not applied.")
        .replace("%1", who)
        .replace("%2", str(conflict.when or "")[:16])
    )
    box.setInformativeText(conflict.detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def _tell(parent: QWidget, what: str, failure: WriteFailure, retry: Callable[[], object]) -> QMessageBox:
    window = parent.window() if parent is not None else None
    box = QMessageBox(window)
    box.setObjectName(FAILURE_BOX)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Not saved"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote a path or a tag name
    if failure.reason == "refused":
        box.setText(failure.detail)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    else:
        box.setText(_tr("%1 was not saved.").replace("%1", what))
        box.setInformativeText(_explained(failure))
        if failure.retry_may_help:
            box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
        else:
            box.setStandardButtons(QMessageBox.StandardButton.Ok)

    def finished(answer: int) -> None:
        if answer == QMessageBox.StandardButton.Retry:
            QTimer.singleShot(0, retry)  # after the box has gone, so a new failure opens a new box

    box.finished.connect(finished)
    box.open()
    return box
