"""Dubao's core: pages, parsing, library storage, language and anchoring.

Nothing in this package imports Qt; ``tests/test_core_has_no_qt.py`` holds it to that.
"""

from __future__ import annotations

import sys
from typing import Any


class _DriverWhenNeeded:
    """Keeps peewee from importing a PostgreSQL driver as it loads (psycopg costs more than peewee
    itself: 0.3–1 s); a library on a server loads it when one is opened (models.library.server).

    A meta path finder by its ``find_spec`` alone (importlib.abc's base class would import
    importlib.resources with it: 4-5 ms of every start-up's CPU)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name in ("psycopg", "psycopg2", "psycopg2cffi"):
            peewee = sys.modules.get("peewee")
            if peewee is not None and not hasattr(peewee, "Database"):  # peewee is loading
                raise ModuleNotFoundError(f"{name}: loaded when a server library is opened", name=name)
        return None


if not any(isinstance(finder, _DriverWhenNeeded) for finder in sys.meta_path):
    sys.meta_path.insert(0, _DriverWhenNeeded())
