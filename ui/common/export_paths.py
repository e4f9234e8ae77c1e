"""Asking where an export goes: Qt's save dialog with its overwrite question on.

Every file the window writes (annotations, vocabulary, reading overrides, a backup) asks here.
The dialog asks before replacing an existing file (``DontConfirmOverwrite`` is set off, never
left to a default); the core then refuses the open library (or any SQLite file) as a target and
writes through a temporary file and a rename (``models.export_file.write_atomically``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def save_dialog(parent: QWidget | None, title: str, suggested: str, filters: str) -> QFileDialog:
    """A save dialog that asks before overwriting an existing file."""
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setObjectName("exportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    return dialog


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> tuple[str, str]:
    """The chosen file and name filter, or ``("", "")`` when the user cancelled."""
    dialog = save_dialog(parent, title, suggested, filters)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()
