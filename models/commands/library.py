"""``main.py import PATH... [--db FILE]`` and ``main.py library list [--db FILE]``."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="store page files in the library (a folder is one issue, its *.txt files its pages)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page text files or folders of them")
    p.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    p.set_defaults(run=run)
    register_library(sub)


def register_library(sub: argparse._SubParsersAction) -> None:
    """``library`` and its subcommands (``list``; more join here)."""
    library = sub.add_parser("library", help="look after the library file: list its issues and pages")
    actions = library.add_subparsers(dest="library_command", required=True)
    listing = actions.add_parser("list", help="one JSON object per issue: id, paper, date, title, pages")
    listing.add_argument(
        "--db", metavar="FILE", help="library database file (default: in the app-data folder)"
    )
    listing.set_defaults(run=run_list)


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


def run_list(args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.errors import DubaoError
    from models.library.location import default_library_path
    from models.library.service import Library

    path = Path(args.db) if args.db else default_library_path()
    if not path.is_file():
        raise DubaoError(f"{path}: no library there (import pages first)")
    out = sys.stdout.buffer
    with Library.open(path) as library:
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
