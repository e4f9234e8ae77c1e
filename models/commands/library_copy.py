"""``main.py library copy SRC DST``: copy a whole library between a file and a server, either way.

SRC and DST are each a library file or ``postgresql://user[:password]@host[:port]/dbname``.
Ids, authors, history, highlights, scans and the vocabulary are kept; DST's search index is
built from the copied pages. A DST that already holds a library is refused (exit 2, one line):
the copy never merges. One JSON line on stdout counts the rows of each table.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser(
        "copy", help="copy a whole library between a file and a PostgreSQL server, either way"
    )
    p.add_argument("source", metavar="SRC", help="library file or postgresql://user@host/dbname to copy")
    p.add_argument("target", metavar="DST", help="new library file, or an empty postgresql://… database")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.commands import existing_library
    from models.library.copying import copy_library

    existing_library(args.source)  # copying never creates an empty source
    report = copy_library(args.source, args.target)
    out = sys.stdout.buffer
    out.write(report.summary().encode("utf-8") + b"\n")
    out.write(json.dumps(report.rows).encode("utf-8") + b"\n")
    out.flush()
    return 0
