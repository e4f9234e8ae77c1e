"""A library on a PostgreSQL server: ``postgresql://user[:password]@host[:port]/dbname``.

The same peewee models, schema version and migrations as a library file
(:mod:`models.library.server_migrations`), through psycopg 3 (``pip install "dubao[postgres]"``).
Core modules that run SQL themselves write it in SQLite's dialect (``?`` parameters,
``INSERT OR IGNORE``); :func:`to_postgres` turns it into PostgreSQL's, so they need no second
copy. Results read like a file's: timestamps as ``YYYY-MM-DD HH:MM:SS[.ffffff]`` text (what
SQLite stores) and booleans as integers (the columns are integers on both engines).

Passwords are never stored by Dubao: libpq reads ``~/.pgpass`` and ``PGPASSWORD`` itself, and
the window asks for one when the server wants it. Every message shows the URL masked
(:func:`masked`).
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from typing import Any

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from models.errors import DubaoError, LibraryBusyError, LibraryWriteError
from models.library.writing import _Guarded, is_storage_failure

SCHEMES = ("postgresql://", "postgres://")


class ServerLibraryError(DubaoError):
    """A server library that cannot be reached, logged into or used."""


def is_server_url(target: object) -> bool:
    """Whether ``--db`` names a server (never a file, whatever follows the scheme)."""
    return isinstance(target, str) and target.strip().lower().startswith(SCHEMES)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


def looks_like_url(target: object) -> bool:
    """``name:…`` with a scheme of two letters or more (``C:`` is a Windows drive, not a URL)."""
    return isinstance(target, str) and _SCHEME.match(target.strip()) is not None


def masked(url: str) -> str:
    """The URL with its password (if any) as ``***``: what messages and titles show."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def check_url(url: str) -> str:
    """The URL, checked for a database name; ServerLibraryError (one line) if it has none."""
    url = url.strip()
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ServerLibraryError(f"{masked(url)}: not a usable server address ({exc})") from None
    if not parts.hostname and not parts.path.strip("/"):
        raise ServerLibraryError(
            f"{masked(url)}: name a server and a database: postgresql://user@host/dbname"
        )
    if not parts.path.strip("/"):
        raise ServerLibraryError(f"{masked(url)}: no database named (postgresql://user@host/dbname)")
    return url


def with_password(url: str, password: str) -> str:
    """The URL with ``password`` put in (the window's password prompt; never stored)."""
    parts = urllib.parse.urlsplit(url)
    user = urllib.parse.quote(parts.username or "", safe="")
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{user}:{urllib.parse.quote(password, safe='')}@{host}{port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def without_password(url: str) -> str:
    """The URL with no password in it (what a window may show in a field, or key a session's
    typed password by)."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    user = urllib.parse.quote(parts.username or "", safe="")
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{user}@{host}{port}" if user else f"{host}{port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


# --- SQLite's dialect to PostgreSQL's ------------------------------------------------------------

_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|\?|%""")
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_CACHE: dict[str, str] = {}


def to_postgres(sql: str) -> str:
    """A statement written for SQLite, as PostgreSQL takes it through psycopg.

    ``?`` becomes ``%s`` outside quoted strings and names, and ``%`` ``%%`` everywhere;
    ``INSERT OR IGNORE INTO …`` becomes ``INSERT INTO … ON CONFLICT DO NOTHING``.
    """
    done = _CACHE.get(sql)
    if done is not None:
        return done

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        # psycopg reads % everywhere, inside quoted strings too.
        return token.replace("%", "%%")

    out = _TOKENS.sub(swap, sql)
    if _INSERT_OR_IGNORE.match(out):
        out = (
            _INSERT_OR_IGNORE.sub("INSERT INTO", out, count=1).rstrip().rstrip(";")
            + " ON CONFLICT DO NOTHING"
        )
    if len(_CACHE) < 2048:
        _CACHE[sql] = out
    return out


class ServerConnection:
    """A psycopg connection that takes SQLite-dialect SQL like :class:`sqlite3.Connection` does.

    ``engine`` tells core modules (the search index) which engine they talk to.
    """

    engine = "postgresql"

    def __init__(self, db: ServerLibraryDatabase, raw: Any) -> None:
        self._db = db
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._db.execute_sql(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        cursor = self.raw.cursor()
        with _errors():
            cursor.executemany(to_postgres(sql), list(rows))
        return cursor

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.raw, attr)


def _errors() -> Any:
    import peewee

    return peewee.__exception_wrapper__


def is_server(conn: object) -> bool:
    """Whether a connection (from ``db.connection()``) is a server's."""
    return getattr(conn, "engine", "") == "postgresql"


class ServerLibraryDatabase(PostgresqlDatabase):
    """The peewee database of a server library: guarded transactions, SQLite-dialect raw SQL."""

    engine = "postgresql"

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(url, prefer_psycopg3=True, **kwargs)
        self.url = url
        self.label = masked(url)

    # peewee's own queries are PostgreSQL already; raw SQL from core modules is SQLite's.
    def execute(self, query: Any, **context_options: Any) -> Any:
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return self._execute_cursor(sql, params)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        return self._execute_cursor(to_postgres(sql), params)

    def _execute_cursor(self, sql: str, params: Any, **options: Any) -> Any:
        try:
            return super()._execute_cursor(sql, params, **options)
        except (OperationalError, InterfaceError):
            # A read outside a transaction on a connection the server dropped: connect again, once.
            if self.is_closed() or self.in_transaction() or self.is_connection_usable():
                raise
            self._drop_connection()
            return super()._execute_cursor(sql, params, **options)

    def _drop_connection(self) -> None:
        with contextlib.suppress(Exception):
            self._state.conn.close()
        self._state.reset()

    def connection(self) -> ServerConnection:  # type: ignore[override]
        return ServerConnection(self, super().connection())

    def _connect(self) -> Any:
        try:
            conn = super()._connect()
        except Exception as exc:  # psycopg's OperationalError: no server, no such role, bad password
            raise connect_error(exc, self.url) from None
        _adapt(conn)
        return conn

    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.pop("lock_type", None)  # SQLite's; PostgreSQL locks rows as they are written
        return _Guarded(self, super().atomic(*args, **kwargs))

    def rollback(self) -> None:
        if self.is_closed():
            return
        super().rollback()

    def write_error(self, exc: BaseException) -> LibraryWriteError:
        text = (str(exc) or type(exc).__name__).splitlines()[0]
        if not self.is_closed() and not self.is_connection_usable():
            # The server went away (restart, network): the next write connects again, as a
            # file library works again once the disk has room.
            self._drop_connection()
        if isinstance(exc, (OperationalError, InterfaceError)) and _lost(text):
            return LibraryWriteError(
                f"{self.label}: the connection to the server was lost; nothing was saved (try again)", "io"
            )
        if (
            "deadlock" in text.lower()
            or "could not serialize" in text.lower()
            or "lock timeout" in text.lower()
        ):
            return LibraryBusyError(
                f"{self.label}: another writer held the same rows; nothing was saved (try again)", "busy"
            )
        if "read-only" in text.lower() or "permission denied" in text.lower():
            return LibraryWriteError(
                f"{self.label}: the server does not let this role write ({text}); nothing was saved",
                "read-only",
            )
        return LibraryWriteError(
            f"{self.label}: the library could not be written ({text}); nothing was saved", "io"
        )


def _lost(text: str) -> bool:
    text = text.lower()
    return any(
        word in text for word in ("connection", "server closed", "terminat", "ssl", "timeout", "broken pipe")
    )


def connect_error(exc: BaseException, url: str) -> ServerLibraryError:
    """Why a server library could not be opened, in one line, password masked."""
    text = (str(exc) or type(exc).__name__).strip().splitlines()
    detail = text[-1] if text else type(exc).__name__
    for line in text:
        if "FATAL" in line or "failed" in line.lower():
            detail = line
            break
    detail = re.sub(r"^.*?FATAL:\s*", "", detail).strip()
    label = masked(url)
    if "password" in detail.lower() and (
        "no password" in detail.lower() or "authentication" in detail.lower()
    ):
        return ServerPasswordError(f"{label}: the server wants a password ({detail})")
    return ServerLibraryError(f"{label}: cannot open the library on the server ({detail})")


class ServerPasswordError(ServerLibraryError):
    """The server asked for a password Dubao was not given (the window asks the user)."""


def _adapt(conn: Any) -> None:
    """Read timestamps as SQLite's text and booleans as integers; write booleans as integers."""
    from psycopg.adapt import Dumper, Loader

    class TimestampText(Loader):
        def load(self, data: Any) -> str:
            text = bytes(data).decode()
            if "." in text:
                whole, fraction = text.split(".", 1)
                return f"{whole}.{fraction.ljust(6, '0')}"
            return text

    class BoolInt(Loader):
        def load(self, data: Any) -> int:
            return 1 if bytes(data) == b"t" else 0

    class BoolAsInt(Dumper):
        oid = conn.adapters.types["int2"].oid

        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    conn.adapters.register_loader("timestamp", TimestampText)
    conn.adapters.register_loader("bool", BoolInt)
    conn.adapters.register_dumper(bool, BoolAsInt)


def driver_missing() -> bool:
    """Load psycopg into peewee (models/__init__.py keeps peewee from loading it at start); True if absent."""
    import peewee

    if peewee.psycopg is not None:
        return False
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return True
    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    return False


def open_server_database(url: str) -> ServerLibraryDatabase:
    """Connect to the server library at ``url``, creating or upgrading its tables."""
    from models.library import server_migrations

    url = check_url(url)
    if driver_missing():
        raise ServerLibraryError(
            f'{masked(url)}: a library on a server needs psycopg: pip install "dubao[postgres]"'
        )
    db = ServerLibraryDatabase(url)
    try:
        db.connect()
        server_migrations.upgrade(db)
    except DubaoError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        if is_storage_failure(exc):
            raise ServerLibraryError(f"{masked(url)}: cannot set up the library ({_first(exc)})") from None
        raise
    return db


def _first(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0]
