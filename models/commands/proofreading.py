"""``main.py correct OLD NEW``: correct an error series across the library (or one issue) at once.

``correct OLD NEW [--issue ID] [--db FILE] [--author NAME] [--dry-run]`` replaces every
occurrence of OLD in the sections' current text (within one block, non-overlapping, left to
right; a word the OCR split across a line break is found, the text being reflowed; spans an
editor already corrected are skipped) by NEW (which may be empty), as one batch, and prints
``{"corrected": N, "pages": M}``. ``--dry-run`` prints each occurrence as ``search`` prints a
hit and writes nothing. An empty OLD or a missing library: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import existing_library, row_id


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "correct", help="replace every occurrence of OLD by NEW in the current text, as one batch"
    )
    p.add_argument("old", metavar="OLD", help="the wrong form, as the current text reads it")
    p.add_argument("new", metavar="NEW", help="what it should read (may be empty: a deletion)")
    p.add_argument("--issue", type=row_id, metavar="ID", help="only this issue (default: the whole library)")
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.add_argument("--author", metavar="NAME", help="who corrects (default: the system user)")
    p.add_argument(
        "--dry-run", action="store_true", help="list the occurrences as search hits; change nothing"
    )
    p.set_defaults(run=run)


def open_existing(db: str | None):
    """The library at ``db`` (or the default one); never creates one."""
    from models.library.service import Library

    existing_library(db)
    return Library.open(db)


def run(args: argparse.Namespace) -> int:
    from models.errors import DubaoError

    if not args.old:
        raise DubaoError("OLD is empty: name the text to correct")
    from models.proofreading.spans import check_replacement

    check_replacement(args.new)  # NEW with a line break: refused, --dry-run too
    library = open_existing(args.db)
    try:
        if args.dry_run:
            out = sys.stdout
            for occurrence in library.find_occurrences(args.old, args.issue):
                out.write(json.dumps(occurrence.to_json(), ensure_ascii=False) + "\n")
            out.flush()
            return 0
        result = library.correct_all(args.old, args.new, args.issue, author=args.author)
    finally:
        library.close()
    print(json.dumps({"corrected": result.occurrences, "pages": len(result.page_ids)}))
    return 0
