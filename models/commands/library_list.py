"""``main.py library list [--db FILE]``: one JSON object per issue, with its pages' ids and names."""

from __future__ import annotations

import argparse
import json
import sys


def register(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("list", help="one JSON object per issue: id, paper, date, title, pages")
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.commands import existing_library
    from models.library.service import Library

    existing_library(args.db)  # never creates an empty library
    out = sys.stdout.buffer
    with Library.open(args.db, read_only=True) as library:
        for issue in library.issues():
            pages = [{"id": page.id, "name": page.name} for page in library.pages(issue.id)]
            line = {
                "id": issue.id,
                "paper": issue.paper,
                "date": issue.date,
                "title": issue.title,
                "pages": pages,
            }
            out.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()
    return 0
