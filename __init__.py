"""Dubao installed from a wheel: one package, ``dubao``, holding main.py, models/, ui/ and resources/.

The console entry point ``dubao`` calls :func:`main`, which puts this folder first on the
process's ``sys.path`` so that ``main``, ``models`` and ``ui`` import as they do in a checkout
(``python main.py``), without being installed as top-level modules (see setup.py and README).
"""

from __future__ import annotations

import os
import sys


def use_own_modules() -> str:
    """Put this package's folder first on sys.path (once); return it."""
    here = os.path.dirname(os.path.abspath(__file__))
    if not sys.path or sys.path[0] != here:
        if here in sys.path:
            sys.path.remove(here)
        sys.path.insert(0, here)
    return here


def main() -> int:
    use_own_modules()
    from main import main as run

    return run()
