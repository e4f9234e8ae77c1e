"""``main.py library reparse [--page ID | --issue ID] [--all] [--db FILE]``: re-parse pages with the
parser that runs now, keeping corrections, structure edits and highlights on their words.

Without ``--all`` only pages made by another parser version are re-parsed. One page at a time,
each its own transaction; a line per page on stderr says how far it is; the last line on stdout
is a JSON summary (``models.library.reparsing.ReparseReport.as_json``). A page, issue or library
that does not exist: one line on stderr, exit 2. Pages that failed (the library locked by another
program, the disk full) are listed in the summary, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import existing_library, row_id


def register(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser(
        "reparse",
        help="parse pages again with this parser version (highlights and edits stay on their words)",
    )
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--page", type=row_id, metavar="ID", help="only this page")
    scope.add_argument("--issue", type=row_id, metavar="ID", help="only this issue's pages")
    p.add_argument("--all", action="store_true", help="also pages already made by this parser version")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.library.reparsing import pages_in_scope, reparse_pages
    from models.library.service import Library

    existing_library(args.db)  # re-parsing never creates an empty library

    def progress(done: int, total: int, page_id: int) -> bool:
        if not args.quiet and page_id >= 0:
            print(f"re-parsing page {page_id} ({done + 1}/{total})", file=sys.stderr, flush=True)
        return True

    with Library.open(args.db) as library:
        pages = pages_in_scope(library, page_id=args.page, issue_id=args.issue)
        report = reparse_pages(library, pages, every=args.all, progress=progress)
    out = sys.stdout.buffer
    out.write(json.dumps(report.as_json(), ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()
    return 1 if report.failed else 0
