"""``main.py search QUERY [--db FILE] [--raw] [--issue ID] [--limit N]``: hits as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import existing_library, row_id


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="search the library's corrected text (or the raw OCR text): one JSON object per hit",
    )
    p.add_argument(
        "query",
        metavar="QUERY",
        help="characters to find (full/half width, traditional/simplified, case match)",
    )
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.add_argument(
        "--raw", action="store_true", help="search the raw OCR text; offsets are into it, section null"
    )
    p.add_argument("--issue", type=row_id, metavar="ID", help="only this issue")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N hits (default 100)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.errors import DubaoError

    if not args.query.strip():
        raise DubaoError("the query is empty: give the characters to find")
    if args.limit < 0:
        raise DubaoError("--limit must be 0 or more")
    from models.library.service import Library

    existing_library(args.db)  # searching never creates an empty library
    with Library.open(args.db) as library:
        if args.issue is not None:
            library.issue(args.issue)  # an issue the library lacks is said, as correct and export say it
        hits = library.search(args.query, limit=args.limit, raw=args.raw, issue=args.issue)
    out = sys.stdout.buffer
    for hit in hits:
        out.write(json.dumps(hit.to_json(), ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()
    return 0
