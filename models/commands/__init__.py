"""Headless subcommands of ``main.py``: each module has ``register(subparsers)``.

A command's ``run(args)`` returns the exit code; it raises DubaoError for bad input,
which ``main.py`` prints as one line on stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import shlex

#: The largest id a library can hold (SQLite's and PostgreSQL's 64-bit integer).
MAX_ID = 2**63 - 1

#: The longest line ``check`` and ``pinyin`` take (code points): a generous ceiling, not a
#: limit on text. Any line up to it is read (``check`` cuts a line over
#: :data:`~models.proofreading.line_pieces.PIECE_CHARS` into pieces at sentence ends, so its time and memory
#: grow in proportion); beyond it (a 40 MB line of Han) the memory a line takes would run away,
#: so it is refused in one line. Measured in docs/proofreading.md (probe15b).
MAX_LINE_CHARS = 10_000_000


def check_line_length(line: str, number: int | None) -> None:
    """Refuse a line over :data:`MAX_LINE_CHARS` (``number``: its line number on stdin, None
    for an argument) in one line that says what to do."""
    if len(line) > MAX_LINE_CHARS:
        raise line_too_long(number)


def line_too_long(number: int | None) -> Exception:
    from models.errors import DubaoError

    where = "TEXT" if number is None else f"line {number}"
    return DubaoError(
        f"{where} is over the {MAX_LINE_CHARS:,}-character limit for one line: give the text with its line breaks"
    )


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
        raise argparse.ArgumentTypeError(f"invalid ID: {value!r} (ids run from 1 to {MAX_ID})")
    return number


def existing_library(db: str | os.PathLike[str] | None) -> None:
    """Refuse a library file every command but ``import`` would have had to create: a missing
    path, no regular file, or an empty file (which SQLite would silently fill with an empty
    library, so that listing, searching or exporting it wrote ~300 KB into the user's file).
    Server URLs pass (``:memory:`` does not: it would be an empty library); raises
    InputFileError with a one-line reason."""
    from models.errors import InputFileError
    from models.input_files import check_input
    from models.library.location import default_library_path
    from models.library.server import is_server_url

    if is_server_url(db):
        return
    path = db if db is not None else default_library_path()
    making = "dubao import PAGES makes one" if db is None else f"dubao import --db {shlex.quote(str(path))} PAGES makes one"
    if not os.path.lexists(path):
        raise InputFileError(f"{path}: no such library file ({making})")
    if check_input(path).st_size == 0:
        raise InputFileError(f"{path}: an empty file, not a library ({making})")
