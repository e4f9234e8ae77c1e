"""Headless subcommands of ``main.py``: each module has ``register(subparsers)``.

A command's ``run(args)`` returns the exit code; it raises DubaoError for bad input,
which ``main.py`` prints as one line on stderr with exit code 2.
"""

from __future__ import annotations

import argparse

#: The largest id a library can hold (SQLite's and PostgreSQL's 64-bit integer).
MAX_ID = 2**63 - 1


def row_id(value: str) -> int:
    """An ``--issue``/``--page`` ID as argparse reads it: a whole number the library can hold
    (a larger one stopped every command with SQLite's OverflowError and a traceback)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid ID: {value!r} (a whole number, as library list prints)"
        ) from None
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(f"invalid ID: {value} (ids run from 1 to {MAX_ID})")
    return number

