"""File ▸ Open Library… on a team server that asks for a password libpq's ~/.pgpass and
PGPASSWORD do not give: the window asks for it in a dialog, for this session only; it is never
in the settings, a title, a field or a message (issue 13). Driven offscreen against the test
server's password role (.ci/postgres.sh: DUBAO_TEST_PG_PASSWORD_URL)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from conftest import PG_URL_VARIABLE, server_schema_url
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from ui.common.settings import Settings
from ui.library import library_opening
from ui.shell.main_window import MainWindow


@pytest.fixture
def password_server(monkeypatch) -> tuple[str, str]:
    """(URL without a password, the password) of a fresh library schema owned by a role the
    server asks a password of; libpq finds none in the environment or a password file."""
    base, url, password = (
        os.environ.get(PG_URL_VARIABLE),
        os.environ.get("DUBAO_TEST_PG_PASSWORD_URL"),
        os.environ.get("DUBAO_TEST_PG_PASSWORD"),
    )
    if not (base and url and password):
        pytest.skip("no PostgreSQL test server with a password role (.ci/postgres.sh starts one)")
    import psycopg

    schema = f"pw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}" AUTHORIZATION dubao_pw')
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", os.devnull)  # not the tester's own ~/.pgpass
    library_opening._typed.clear()
    yield server_schema_url(url, schema), password
    library_opening._typed.clear()


def _window(qtbot, tmp_path: Path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.firstPainted):  # input comes once the first paint is handled, as in the app
        win.show()
    qtbot.waitExposed(win)
    assert win.open_library()
    return win


def answer(answers: list[str | None], seen: list[tuple[str, str, QLineEdit.EchoMode]]) -> None:
    """Answer the next modal input dialogs in turn (text, or None: Cancel), noting what each showed."""

    def reply() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, reply)
            return
        seen.append((dialog.labelText(), dialog.textValue(), dialog.textEchoMode()))
        text = answers.pop(0)
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
        if answers:
            QTimer.singleShot(20, reply)

    QTimer.singleShot(20, reply)


def test_the_window_asks_for_the_servers_password_again_when_refused_and_keeps_it_nowhere(
    qtbot, tmp_path: Path, password_server, capfd
) -> None:
    url, password = password_server
    win = _window(qtbot, tmp_path)
    try:
        seen: list[tuple[str, str, QLineEdit.EchoMode]] = []
        answer([url, "wrong-one", password], seen)
        assert win.choose_library()  # File ▸ Open Library…: the URL, a wrong password, the right one
        assert win.library.server_url and win.library.author_name() == "dubao_pw"
        [(_, _, _), (first, typed, echo), (again, _, _)] = seen
        assert echo == QLineEdit.EchoMode.Password and typed == ""
        assert "dubao_pw@127.0.0.1" in first and "did not accept" not in first
        assert "did not accept" in again
        # Nowhere to be seen: not the title, the status line, the settings file, stdout or stderr.
        win.settings.sync()
        assert password not in win.windowTitle() and password not in win.status.text()
        out, err = capfd.readouterr()
        assert password not in out and password not in err
        # Opening the library again offers the URL without the password, to be typed again never.
        seen.clear()
        answer([None], seen)
        assert not win.choose_library()
        assert seen[0][1] == url and password not in seen[0][1]
    finally:
        win.close()
        if win.library is not None:
            win.library.close()
    assert password not in (tmp_path / "dubao.ini").read_text(encoding="utf-8")


def test_the_password_is_asked_once_a_session_and_a_cancel_keeps_the_library_open(
    qtbot, tmp_path: Path, password_server
) -> None:
    url, password = password_server
    win = _window(qtbot, tmp_path)
    file_library = win.library
    try:
        seen: list[tuple[str, str, QLineEdit.EchoMode]] = []
        answer([None], seen)  # Cancel at the prompt: the file library stays open
        assert not win.switch_library(url)
        assert win.library is file_library and len(seen) == 1
        answer([password], seen)
        assert win.switch_library(url)
        assert win.switch_library(str(tmp_path / "library.sqlite3"))
        seen.clear()
        assert win.switch_library(url)  # the same server again this session: not asked again
        assert seen == [] and win.library.server_url
    finally:
        win.close()
        if win.library is not None:
            win.library.close()


def test_pgpassword_spares_the_prompt(qtbot, tmp_path: Path, password_server, monkeypatch) -> None:
    url, password = password_server
    monkeypatch.setenv("PGPASSWORD", password)
    win = _window(qtbot, tmp_path)
    try:
        monkeypatch.setattr(
            library_opening, "ask_password", lambda *a: pytest.fail("asked though PGPASSWORD has it")
        )
        assert win.switch_library(url)
        assert win.library.author_name() == "dubao_pw"
    finally:
        win.close()
        if win.library is not None:
            win.library.close()


@pytest.mark.parametrize(
    ("url", "bare"),
    [
        (
            "postgresql://ed:s3cr%40t@db.example:5433/dubao?options=-cx",
            "postgresql://ed@db.example:5433/dubao?options=-cx",
        ),
        ("postgresql://ed@db.example/dubao", "postgresql://ed@db.example/dubao"),
        ("postgres://:pw@[::1]/d", "postgres://[::1]/d"),
    ],
)
def test_a_url_without_its_password_keeps_everything_else(url: str, bare: str) -> None:
    from models.library.server import with_password, without_password

    assert without_password(url) == bare
    assert without_password(with_password(bare, "x@y:z")) == bare
