"""Opening a library in the window: a file or a team server (``postgresql://user@host/dbname``).

A server that wants a password gets it from libpq's own ``~/.pgpass`` or ``PGPASSWORD``;
failing those, the window asks for it in a dialog (asked again, saying so, when the server
refuses it), once a session: the password is kept only in memory (in the URL the window's
threads connect with, and for opening the same server again in this session), never in the
settings, and every message, title and field shows the URL masked or without it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

#: The dialog's object name (tests answer it offscreen).
PASSWORD_DIALOG = "libraryPassword"
#: Passwords refused in a row before the prompt gives up (the server's own limit may be lower).
TRIES = 3

#: Server URL without its password -> the password typed this session (memory only).
_typed: dict[str, str] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryOpening", text)


def open_library(parent: QWidget, target: str | None):
    """``(library, target)``: the library opened (asking for a server's password if needed) and the
    target to open it again with in other threads; raises DubaoError when it cannot be opened;
    a search index made by another version is made again afterwards, in the background;
    ``(None, target)`` when the user cancelled the password prompt."""
    from models.library.server import ServerPasswordError, is_server_url, with_password, without_password
    from models.library.service import Library

    bare = without_password(target) if is_server_url(target) else None
    if bare is not None and bare == target and bare in _typed:  # typed earlier this session
        target = with_password(bare, _typed[bare])
    try:
        return Library.open(target, index_now=False), target
    except ServerPasswordError:
        if bare is None:
            raise
        _typed.pop(bare, None)
    assert bare is not None
    refused = target != bare  # a password was given (in the URL, or typed before) and refused
    for _ in range(TRIES):
        password = ask_password(parent, bare, refused)
        if password is None:
            return None, bare
        with_it = with_password(bare, password)
        try:
            library = Library.open(with_it, index_now=False)
        except ServerPasswordError:
            refused = True
            continue
        _typed[bare] = password
        return library, with_it
    raise ServerPasswordError(_refused_message(bare))


def _refused_message(bare: str) -> str:
    from models.library.server import masked

    return _tr("%1: the server did not accept the password").replace("%1", masked(bare))


def ask_password(parent: QWidget, url: str, refused: bool) -> str | None:
    """The password the user types for ``url`` (shown without a password), None if cancelled."""
    from models.library.server import masked

    dialog = QInputDialog(parent)
    dialog.setObjectName(PASSWORD_DIALOG)
    dialog.setWindowTitle(_tr("Library Password"))
    text = _tr(
        "Password for %1\n(kept for this session only; ~/.pgpass or PGPASSWORD spare you this prompt)"
    ).replace("%1", masked(url))
    if refused:
        text = _tr("The server did not accept that password.") + "\n\n" + text
    dialog.setLabelText(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    try:
        if not dialog.exec():
            return None
        return dialog.textValue()
    finally:
        dialog.setTextValue("")
        dialog.deleteLater()


def ask_library(parent: QWidget, current: str | None) -> str | None:
    """The library the user names (a file path or a postgresql:// URL), or None if cancelled."""
    from models.library.server import is_server_url, without_password

    # A password typed this session is never shown (nor put back in the field to be sent as "***").
    shown = without_password(current) if current and is_server_url(current) else (current or "")
    text, ok = QInputDialog.getText(
        parent,
        _tr("Open Library"),
        _tr("A library file, or a team server: postgresql://user@host[:port]/dbname"),
        QLineEdit.EchoMode.Normal,
        shown,
    )
    text = text.strip()
    return text if ok and text else None
