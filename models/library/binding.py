"""Which library the models read and write: the one whose method is running, never a process global.

The peewee models (:mod:`models.library.schema`) are bound once to :data:`ROUTER`, which
forwards every use to the database of the library *in use in this context* (a
:class:`contextvars.ContextVar`, so each thread has its own). A library is put in use by

- every public method of :class:`models.library.service.Library` and of the services built on
  it (:func:`binds_library`), for the length of the call;
- every transaction of its database (``db.atomic()``), so core functions that take a library
  and write in a transaction use that library;
- opening it (:meth:`Library.open`): the last library opened in a thread is the one the models
  use outside any method (scripts and tests that query the models directly).

Two libraries open in one process (a file and a server, two files) therefore never read each
other's rows, whatever the order their methods are called in. Entering costs a context-variable
set and reset (well under a microsecond), so every method can afford it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from peewee import Database, DatabaseProxy

_CURRENT: ContextVar[Database | None] = ContextVar("dubao_library_database", default=None)

T = TypeVar("T")


class NoLibraryError(RuntimeError):
    """The models were used where no library is in use (a bug: call through a Library method)."""


def current() -> Database:
    """The database of the library in use in this context."""
    db = _CURRENT.get()
    if db is None:
        raise NoLibraryError("no library is in use here: open one, or call through a Library method")
    return db


class _Router(DatabaseProxy):
    """A peewee database that is whichever library's database is in use (see the module docstring)."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(current(), attr)

    # DatabaseProxy defines these itself (around its ``obj``): forward them too.
    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        return current().atomic(*args, **kwargs)

    def transaction(self, *args: Any, **kwargs: Any) -> Any:
        return current().transaction(*args, **kwargs)

    def savepoint(self) -> Any:
        return current().savepoint()

    def manual_commit(self) -> Any:
        return current().manual_commit()

    def connection_context(self) -> Any:
        return current().connection_context()

    def __enter__(self) -> Any:
        return current().__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return current().__exit__(*exc)


#: What every library model is bound to.
ROUTER = _Router()


@contextmanager
def using(db: Database) -> Iterator[Database]:
    """Make ``db`` the library database in use for the body (nests; restores the previous one)."""
    token = _CURRENT.set(db)
    try:
        yield db
    finally:
        _CURRENT.reset(token)


def enter(db: Database) -> Any:
    """Put ``db`` in use; returns the token :func:`leave` takes to restore the previous one."""
    return _CURRENT.set(db)


def leave(token: Any) -> None:
    _CURRENT.reset(token)


def make_current(db: Database | None) -> None:
    """Make ``db`` the database in use in this context from now on (opening a library does this)."""
    _CURRENT.set(db)


def is_current(db: Database) -> bool:
    return _CURRENT.get() is db


def bound(method: Callable[..., T]) -> Callable[..., T]:
    """Run the method with its object's library (``self._db``) in use."""

    @functools.wraps(method)
    def inner(self: Any, *args: Any, **kwargs: Any) -> T:
        token = _CURRENT.set(self._db)
        try:
            return method(self, *args, **kwargs)
        finally:
            _CURRENT.reset(token)

    inner.__dubao_bound__ = True  # type: ignore[attr-defined]
    return inner


C = TypeVar("C", bound=type)


def binds_library(cls: C) -> C:
    """Wrap every public method of ``cls`` and its bases with :func:`bound` (a class decorator).

    Plain functions only: properties, class and static methods stay as they are.
    """
    seen: set[str] = set()
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in seen:
                continue
            seen.add(name)
            if callable(value) and not isinstance(value, (staticmethod, classmethod, type, property)):
                if not getattr(value, "__dubao_bound__", False):
                    setattr(cls, name, bound(value))
    return cls
