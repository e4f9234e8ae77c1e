"""``main.py library backup DEST [--db FILE] [--overwrite]``: a verified copy of the library.

SQLite's online backup API copies the library even while the window has it open; the copy is
checked (``integrity_check``) before the command says it is done. DEST is a file, or a folder
to put a dated copy in. The library itself is never overwritten; another existing file only
with ``--overwrite``. A library on a server (``--db postgresql://…``) is copied, as it is at
one moment while colleagues go on writing, to a library file (:mod:`models.library.server_backup`).
"""

from __future__ import annotations

import argparse
import sys


def register(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("backup", help="copy the library (even while it is open) and verify the copy")
    p.add_argument(
        "dest", metavar="DEST", help="the backup file to write, or a folder to put a dated copy in"
    )
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace DEST if it already exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.commands import existing_library
    from models.library.service import Library

    existing_library(args.db)  # never creates an empty library
    with Library.open(args.db, read_only=True) as library:  # a read-only folder's library too
        report = library.backup(args.dest, overwrite=args.overwrite)
    out = sys.stdout.buffer
    out.write(report.summary().encode("utf-8") + b"\n")
    out.flush()
    return 0
