"""``main.py library assign EDITOR (--page ID... | --issue ID) [--db DB] [--author NAME]``: give
pages to an editor to proofread (``--nobody`` instead of EDITOR takes them back); and
``main.py library assignments [--issue ID] [--db DB]``: who proofreads what, one JSON line a page."""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import existing_library, row_id
from models.errors import DubaoError

_DB_HELP = "library file or postgresql://user@host/dbname (default: a file in the app-data folder)"


def register(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("assign", help="give pages (or an issue) to an editor to proofread")
    p.add_argument("editor", nargs="?", default=None, metavar="EDITOR", help="the editor's name")
    p.add_argument("--nobody", action="store_true", help="take the pages back (assigned to nobody)")
    p.add_argument(
        "--page", type=row_id, action="append", default=[], metavar="ID", help="a page id (repeatable)"
    )
    p.add_argument("--issue", type=row_id, metavar="ID", help="every page of this issue")
    p.add_argument("--db", metavar="DB", help=_DB_HELP)
    p.add_argument(
        "--author", metavar="NAME", help="who assigns (default: Preferences, the server role, the user)"
    )
    p.set_defaults(run=run_assign)
    q = actions.add_parser("assignments", help="who proofreads what: one JSON object per assigned page")
    q.add_argument("--issue", type=row_id, metavar="ID", help="only this issue's pages")
    q.add_argument("--db", metavar="DB", help=_DB_HELP)
    q.set_defaults(run=run_list)


def _line(a: object) -> bytes:
    row = {
        "page": a.page_id,  # type: ignore[attr-defined]
        "issue": a.issue_id,  # type: ignore[attr-defined]
        "editor": a.editor,  # type: ignore[attr-defined]
        "assigned_by": a.author,  # type: ignore[attr-defined]
        "assigned": a.created.isoformat(sep=" ", timespec="seconds"),  # type: ignore[attr-defined]
    }
    return json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n"


def run_assign(args: argparse.Namespace) -> int:
    from models.library.service import Library

    if args.nobody == bool(args.editor and args.editor.strip()):
        raise DubaoError("name one editor, or give --nobody to take the pages back")
    if bool(args.page) == (args.issue is not None):
        raise DubaoError("give the pages to assign: --page ID (repeatable) or --issue ID")
    editor = "" if args.nobody else args.editor
    existing_library(args.db)  # assigning never creates an empty library
    with Library.open(args.db) as library:
        if args.issue is not None:
            done = library.assign_issue(args.issue, editor, args.author)
        else:
            done = library.assign(args.page, editor, args.author)
    out = sys.stdout.buffer
    for a in done:
        out.write(_line(a))
    out.flush()
    return 0


def run_list(args: argparse.Namespace) -> int:
    from models.library.service import Library

    existing_library(args.db)
    with Library.open(args.db, read_only=True) as library:
        found = library.assignments(args.issue)
    out = sys.stdout.buffer
    for a in found.values():
        out.write(_line(a))
    out.flush()
    return 0
