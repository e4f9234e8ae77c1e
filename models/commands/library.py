"""``main.py import PATH... [--db FILE]``: store page files in the library, then print the ids
added as one JSON line; and the ``library`` group, whose actions look after the library file
(``library list``, ``library backup``, ``library copy``, ``library reparse``, ``library assign``
and ``library assignments``), a module each.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

#: ``main.py library ACTION``: action name -> module under models.commands that registers and runs it.
LIBRARY_ACTIONS = {
    "list": "library_list",
    "backup": "library_backup",
    "copy": "library_copy",
    "reparse": "library_reparse",
    "assign": "library_assign",
    "assignments": "library_assign",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="store page files in the library (a folder is one issue, its *.txt files its pages)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page text files or folders of them")
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.set_defaults(run=run)
    group = sub.add_parser("library", help="look after the library file: " + ", ".join(LIBRARY_ACTIONS))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    for module in dict.fromkeys(LIBRARY_ACTIONS.values()):
        importlib.import_module(f"models.commands.{module}").register(actions)


def run(args: argparse.Namespace) -> int:
    from models.library.service import Library

    with Library.open(args.db) as library:
        report = library.import_paths(args.paths)
        where = library.path
    line = report.summary() + (f" (library: {where})" if where else "")
    added = {"issues": list(report.issue_ids), "pages": list(report.page_ids)}
    out = sys.stdout.buffer
    out.write(line.encode("utf-8") + b"\n")
    out.write(json.dumps(added).encode("utf-8") + b"\n")
    out.flush()
    return 0
