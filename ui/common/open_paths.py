"""Asking which page files or folder to open or import: where the last ones came from.

File ▸ Open Page…, Open Folder…, Import into Library… and Annotate ▸ Import Annotations… opened
Qt's dialog in the folder Dubao was started from (the checkout, or wherever a terminal was).
They open in the folder that held the last file or folder opened or imported (kept in the
settings, ``open/folder``, for the next session too), the first time in the documents folder,
else home, as the exports do (``ui.common.export_paths``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.common.export_paths import remember_folder, start_folder

#: The settings' kind of folder the open dialogs keep (``open/folder``).
OPEN = "open"


def open_start_folder(parent: QWidget | None) -> str:
    """Where an open dialog starts: the folder that held the last file or folder opened."""
    return start_folder(parent, OPEN)


def remember_opened(parent: QWidget | None, path: str) -> None:
    """The next open dialog starts in the folder holding ``path`` (a file or a folder)."""
    remember_folder(parent, path, OPEN)


def open_dialog(parent: QWidget | None, title: str, filters: str, mode: QFileDialog.FileMode) -> QFileDialog:
    """An open dialog for one file (``ExistingFile``), several (``ExistingFiles``) or a folder
    (``Directory``), starting in :func:`open_start_folder`."""
    dialog = QFileDialog(parent, title, open_start_folder(parent), filters)
    dialog.setObjectName("openDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def ask_open_paths(
    parent: QWidget | None, title: str, filters: str = "", mode: QFileDialog.FileMode | None = None
) -> list[str]:
    """The chosen files (or folder), empty when the user cancelled; remembered for next time."""
    dialog = open_dialog(parent, title, filters, mode or QFileDialog.FileMode.ExistingFile)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        chosen = dialog.selectedFiles()
        if chosen:
            remember_opened(parent, chosen[0])
        return chosen
    finally:
        dialog.deleteLater()
