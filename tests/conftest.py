"""Shared fixtures: paths to the project's resources and to ../shared's data, a fresh library,
and a shown window on one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from models.library.service import Library
    from ui.shell.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's uncategorised warnings go to stderr now that pytest-qt does not capture them (pyproject.toml
# says why); offscreen gives one per window shown ("does not support propagateSizeHints()").
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

# .ci/run picks the "ci" profile: the same examples every run (derandomized) and no deadline, so
# a stop is not refused for a random example or a loaded machine. Runs elsewhere draw new
# examples each time and keep finding what the fixed ones miss (keep what they find as @example).
settings.register_profile("ci", derandomize=True, deadline=None)
settings.load_profile(os.environ.get("DUBAO_HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_PAGE = ROOT / "resources" / "sample-page.txt"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is laid out beside the project)")
    return path


@pytest.fixture(scope="session")
def data_home(tmp_path_factory) -> Path:
    """An app-data folder (for XDG_DATA_HOME) with the CC-CEDICT index built once for the session."""
    from models.language.dictionary import Dictionary

    base = tmp_path_factory.mktemp("xdg")
    Dictionary(base / "Dubao").ensure_built()
    return base


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library in the test's folder, closed afterwards."""
    from models.library.service import Library

    with Library.open(tmp_path / "library.sqlite3") as lib:
        yield lib


@pytest.fixture
def library_window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """A shown main window (1400×900) with its own settings and an empty library opened."""
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.build_capabilities()  # as a started window has them (built just after its first paint)
    assert win.open_library()
    yield win
    win.close()
    win.library.close()
    delete_now(win)


def delete_now(widget: Any) -> None:
    """Delete a closed window now, while the test still holds it (pytest-qt only marks it for
    deletion, carried out in the next test's first event loop): every wrapper of its Qt objects
    is then marked deleted, and nothing the collector frees later can delete a part of it."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if shiboken6.isValid(widget):
        widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def two_editors(tmp_path: Path) -> Iterator[Any]:
    """王 and 李 on one page of one library, each with their own connection (tests/several_writers.py)."""
    from several_writers import open_two_editors

    yield from open_two_editors(tmp_path)


@pytest.fixture
def two_annotators(tmp_path: Path) -> Iterator[Any]:
    """王 and 李 annotating one page of one library, each with their own connection."""
    from several_writers import open_two_annotators

    yield from open_two_annotators(tmp_path)


# --- engines -------------------------------------------------------------------------------------
# Modules marked ``pytestmark = pytest.mark.engines`` run every test twice: on a library file
# (SQLite) and on a PostgreSQL server (DUBAO_TEST_PG_URL, set by .ci/run; skipped without it).
# On the server each library file the test would have made is a schema of its own, so the test
# itself is the same: it opens "library.sqlite3" in its folder and gets an empty server library.

PG_URL_VARIABLE = "DUBAO_TEST_PG_URL"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "engines: run on a library file and on a PostgreSQL server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("engines") and "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


def server_schema_url(base: str, schema: str) -> str:
    """``base`` with every connection's search path set to ``schema`` (libpq's options)."""
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def fresh_server_url(label: str = "t") -> str:
    """A new, empty schema on the test server, as a library URL (skips without a server)."""
    import uuid

    base = os.environ.get(PG_URL_VARIABLE)
    if not base:
        pytest.skip(f"no PostgreSQL test server: set {PG_URL_VARIABLE} (.ci/run starts one)")
    import psycopg

    schema = f"{label}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return server_schema_url(base, schema)


#: The test's library files and the server schemas standing for them (postgresql runs).
SERVER_SCHEMAS: dict[str, str] = {}


def db_arg(path: Path) -> str:
    """What ``--db`` names for a library the test made at ``path``: its server URL on postgresql runs."""
    return SERVER_SCHEMAS.get(str(Path(path).resolve()), str(path))


@pytest.fixture(autouse=True)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """``sqlite`` or ``postgresql``: on the server, every library file opened becomes a server schema."""
    name = getattr(request, "param", "sqlite")
    SERVER_SCHEMAS.clear()
    if name == "postgresql":
        from models.library.service import Library

        schemas = SERVER_SCHEMAS
        opener = Library.open.__func__  # type: ignore[attr-defined]

        def on_server(cls: type, path: Any = None, read_only: bool = False) -> Any:
            if path is None or str(path) == ":memory:" or str(path).startswith("postgresql://"):
                return opener(cls, path, read_only)
            where = str(Path(path).resolve())
            if where not in schemas:
                schemas[where] = fresh_server_url()
            library = opener(cls, schemas[where], read_only)
            library._path = Path(where)  # the test's name for it: opening it again finds the same schema
            return library

        monkeypatch.setattr(Library, "open", classmethod(on_server))
    return name


def park_the_pointer() -> bool:
    """Put the mouse pointer far from every window, if Qt runs (False when it does not yet)."""
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return False
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor, QGuiApplication

    if QGuiApplication.instance() is None:
        return False
    QCursor.setPos(QPoint(5000, 5000))
    return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Every test starts with the mouse pointer away from its windows, not where an earlier test
    left it: what the window does can depend on it (F2 starts typing at the character under the
    pointer, a word's popup follows it), and a pointer left over a page's second article put the
    caret there, so F8 went past the first article's flag to the next page. Before the fixtures
    (a fixture may put it somewhere on purpose), and after them in the first test to start Qt."""
    parked = park_the_pointer()
    result = yield
    if not parked:
        park_the_pointer()
    return result


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """After pytest-qt's teardown: the windows it closed (and marked for deletion) are deleted
    now, not in the next test's first event loop; then, once a window has been made, cycles are
    collected as the main thread's timer would (ui.common.collector): tests that run no event
    loop collect here, between tests."""
    result = yield
    from ui.common import collector

    if collector.installed():
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.collect_due()
    return result
