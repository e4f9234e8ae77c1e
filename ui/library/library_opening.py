"""Opening a library in the window: a file or a team server (``postgresql://user@host/dbname``).

A server that wants a password gets it from libpq's own ``~/.pgpass`` or ``PGPASSWORD``;
failing those, the window asks for it, once a session. The password is kept only in memory
(in the URL the window's threads connect with), never in the settings, and every message and
title shows the URL masked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryOpening", text)


def open_library(parent: QWidget, target: str | None):
    """``(library, target)``: the library opened (asking for a server's password if needed) and the
    target to open it again with in other threads; raises DubaoError when it cannot be opened;
    a search index made by another version is made again afterwards, in the background;
    ``(None, target)`` when the user cancelled the password prompt."""
    from models.library.server import ServerPasswordError, is_server_url, masked, with_password
    from models.library.service import Library

    try:
        return Library.open(target, index_now=False), target
    except ServerPasswordError:
        if not is_server_url(target):
            raise
    assert target is not None
    password, ok = QInputDialog.getText(
        parent,
        _tr("Library Password"),
        _tr(
            "Password for %1\n(kept for this session only; ~/.pgpass or PGPASSWORD spare you this prompt)"
        ).replace("%1", masked(target)),
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return None, target
    with_it = with_password(target, password)
    return Library.open(with_it, index_now=False), with_it


def ask_library(parent: QWidget, current: str | None) -> str | None:
    """The library the user names (a file path or a postgresql:// URL), or None if cancelled."""
    from models.library.server import is_server_url, masked

    shown = masked(current) if current and is_server_url(current) and "***" not in masked(current) else ""
    text, ok = QInputDialog.getText(
        parent,
        _tr("Open Library"),
        _tr("A library file, or a team server: postgresql://user@host[:port]/dbname"),
        QLineEdit.EchoMode.Normal,
        shown or (current or ""),
    )
    text = text.strip()
    return text if ok and text else None
