"""Asking where an export goes: Qt's save dialog with its overwrite question on.

Every file the window writes (annotations, vocabulary, reading overrides, a backup) asks here.
The dialog asks before replacing an existing file (``DontConfirmOverwrite`` is set off, never
left to a default); the core then refuses the open library (or any SQLite file) as a target and
writes through a temporary file and a rename (``models.export_file.write_atomically``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: The folder of the last export (and of the last backup), where no window's settings keep it
#: (this session).
_last_folder: dict[str, str] = {}


def window_settings(parent: QWidget | None):
    """The Settings of the window ``parent`` is in: the first widget up its parents that has
    them (the vocabulary list is a dialog, its own window(), with none)."""
    from ui.common.settings import Settings

    widget = parent
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, Settings):
            return settings
        widget = widget.parentWidget()
    return None


def start_folder(parent: QWidget | None, kind: str = "export") -> str:
    """Where a save dialog opens: the folder of the last export (``kind`` "backup": of the last
    backup, kept apart so a backup's folder never becomes where exports go), else the user's
    documents folder, else home (it opened in the folder Dubao was started from: the checkout,
    or wherever a terminal was)."""
    settings = window_settings(parent)
    kept = settings.export_folder(kind) if settings is not None else _last_folder.get(kind, "")
    return kept if kept and Path(kept).is_dir() else first_folder()


def first_folder() -> str:
    """Where a file dialog opens the first time: the user's documents folder, else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(parent: QWidget | None, path: str, kind: str = "export") -> None:
    """The next export (backup) opens where this one went."""
    folder = str(Path(path).parent)
    _last_folder[kind] = folder
    settings = window_settings(parent)
    if settings is not None:
        settings.set_export_folder(folder, kind)


def save_dialog(
    parent: QWidget | None, title: str, suggested: str, filters: str, kind: str = "export"
) -> QFileDialog:
    """A save dialog that asks before overwriting an existing file; a bare file name is
    suggested in :func:`start_folder`."""
    if suggested and Path(suggested).name == suggested:
        suggested = str(Path(start_folder(parent, kind)) / suggested)
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setObjectName("exportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    return dialog


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, filters: str, kind: str = "export"
) -> tuple[str, str]:
    """The chosen file and name filter, or ``("", "")`` when the user cancelled; its folder is
    remembered as the last ``kind``'s ("export", or "backup")."""
    dialog = save_dialog(parent, title, suggested, filters, kind)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        remember_folder(parent, dialog.selectedFiles()[0], kind)
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()
