"""Dubao's core: pages, parsing, library storage, language and anchoring.

Nothing in this package imports Qt; ``tests/test_core_has_no_qt.py`` holds it to that.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# numpy's BLAS in one thread, set before anything here loads numpy. The core's matrices are small
# (g2pM's 32 hidden units, the parser's line models): a second BLAS thread only adds overhead. The
# parser loads numpy before the language core in the window, and there g2pM ran with a thread per
# core: a 10k page's pinyin took 104-153 ms of wall time instead of 66-76 ms (the parse itself
# is unchanged: 30-35 ms either way). A process that set these itself keeps its own.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


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
