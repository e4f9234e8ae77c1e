"""``main.py export`` and ``main.py import-annotations``: annotations out of and into the library.

``export --format w3c|csv|md [--issue ID] [--db FILE] [-o OUT]`` writes the library's (or one
issue's) annotations to OUT or stdout. ``import-annotations FILE [--db FILE]`` merges a W3C
file from a colleague and prints how many were added, merged and left unanchored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("w3c", "csv", "md")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write annotations as W3C Web Annotation JSON-LD, CSV or Markdown")
    p.add_argument(
        "--format", required=True, choices=FORMATS, help="w3c (JSON-LD), csv (UTF-8 with BOM) or md"
    )
    p.add_argument("--issue", type=int, metavar="ID", help="only this issue's annotations (default: all)")
    p.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    p.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")
    p.set_defaults(run=run)
    q = sub.add_parser("import-annotations", help="merge a W3C Web Annotation file into the library")
    q.add_argument("file", metavar="FILE", help="a W3C AnnotationCollection (JSON-LD) made by export")
    q.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    q.set_defaults(run=run)


def _open(db: str | None, read_only: bool = False):
    from models.annotations.service import Annotations
    from models.input_files import check_input
    from models.library.service import Library

    if db is not None and db != ":memory:":
        check_input(db)
    return Annotations(Library.open(db, read_only=read_only))


def run_export(args: argparse.Namespace) -> int:
    from models.annotations.exchange import collect, w3c_bytes
    from models.annotations.exchange_tables import csv_bytes, markdown_bytes
    from models.export_file import check_target, write_atomically

    if args.output:
        # Refuse a bad target before the library is read, and again (a file may appear) when writing.
        check_target(args.output, [args.db])
    annotations = _open(args.db, read_only=True)
    library_file = annotations.library.source_path
    try:
        items = collect(annotations, args.issue)
        scope = annotations.library.issue(args.issue).label if args.issue is not None else "library"
    finally:
        annotations.library.close()
    title = f"Dubao annotations — {scope}"
    if args.format == "w3c":
        data = w3c_bytes(items, title)
    elif args.format == "csv":
        data = csv_bytes(items)
    else:
        data = markdown_bytes(items, title)
    if args.output:
        write_atomically(args.output, data, [library_file, args.db])
        print(f"{len(items)} annotations written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def run_import(args: argparse.Namespace) -> int:
    from models.annotations.exchange import import_w3c, read_annotation_file
    from models.errors import DubaoError, LibraryWriteError

    path = Path(args.file)
    data = read_annotation_file(path)
    annotations = _open(args.db)
    try:
        report = import_w3c(annotations, data)
    except LibraryWriteError:
        raise
    except DubaoError as exc:
        raise DubaoError(f"{path}: {exc}") from None
    finally:
        annotations.library.close()
    sys.stdout.buffer.write(report.summary().encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()
    return 0


def run(args: argparse.Namespace) -> int:
    """Run whichever of the two commands was asked for."""
    return run_export(args) if args.command == "export" else run_import(args)
