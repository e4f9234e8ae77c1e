"""``main.py export`` and ``main.py import-annotations``: annotations and text out of and into the library.

``export --format w3c|csv|md [--issue ID] [--db FILE] [-o OUT]`` writes the library's (or one
issue's) annotations to OUT or stdout; W3C includes the corrections (``"motivation":
"editing"``). ``export --format text [--raw]`` writes the proofread text (or the raw OCR text),
``--format tei`` TEI with each correction as choice/sic/corr (:mod:`models.proofreading.export`).
``import-annotations FILE [--db FILE]`` merges a W3C file from a colleague and prints how many
highlights were added, merged and left unanchored, and how many corrections were applied,
already here, or in conflict with a local one (kept in the history, the local one in force).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("w3c", "csv", "md", "text", "tei")
#: Largest annotation file read (a W3C file of 100,000 highlights is about 60 MB).
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write annotations (W3C JSON-LD, CSV, Markdown) or the proofread text (text, TEI)"
    )
    p.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="w3c (JSON-LD, corrections included), csv (UTF-8 with BOM), md, text or tei",
    )
    p.add_argument("--raw", action="store_true", help="with --format text: the raw OCR text of each page")
    p.add_argument("--issue", type=int, metavar="ID", help="only this issue's annotations (default: all)")
    p.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    p.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")
    p.set_defaults(run=run)
    q = sub.add_parser("import-annotations", help="merge a W3C Web Annotation file into the library")
    q.add_argument("file", metavar="FILE", help="a W3C AnnotationCollection (JSON-LD) made by export")
    q.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    q.set_defaults(run=run)


def _open(db: str | None):
    from models.annotations.service import Annotations
    from models.errors import DubaoError
    from models.library.service import Library

    if db is not None and db != ":memory:" and not Path(db).is_file():
        raise DubaoError(f"{db}: no such library file")
    return Annotations(Library.open(db))


def run_export(args: argparse.Namespace) -> int:
    from models.annotations.exchange import collect, w3c_bytes
    from models.annotations.exchange_tables import csv_bytes, markdown_bytes
    from models.errors import DubaoError
    from models.export_file import write_atomically

    if args.raw and args.format != "text":
        raise DubaoError("--raw goes with --format text")
    annotations = _open(args.db)
    library = annotations.library
    try:
        scope = library.issue(args.issue).label if args.issue is not None else "library"
        what = "annotations"
        if args.format in ("text", "tei"):
            from models.proofreading.export import tei_export, text_export

            if args.format == "text":
                data = text_export(library, args.issue, raw=args.raw).encode("utf-8")
            else:
                data = tei_export(library, args.issue, f"Dubao — {scope}").encode("utf-8")
            count, what = len(list(_pages(library, args.issue))), "pages"
        else:
            items = collect(annotations, args.issue)
            count = len(items)
            title = f"Dubao annotations — {scope}"
            if args.format == "w3c":
                from models.proofreading.exchange import correction_annotations

                corrections = correction_annotations(library, args.issue)
                data = w3c_bytes(items, title, corrections)
                count += len(corrections)
            elif args.format == "csv":
                data = csv_bytes(items)
            else:
                data = markdown_bytes(items, title)
    finally:
        library.close()
    if args.output:
        write_atomically(args.output, data, protect=[library.path], what="export")
        print(f"{count} {what} written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _pages(library, issue_id):
    from models.proofreading.export import pages_in_order

    return pages_in_order(library, issue_id)


def run_import(args: argparse.Namespace) -> int:
    from models.annotations.exchange import import_w3c
    from models.errors import DubaoError
    from models.proofreading.exchange import correction_items, import_corrections

    path = Path(args.file)
    try:
        if path.is_dir():
            raise DubaoError(f"{path}: is a folder, not an annotation file")
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise DubaoError(f"{path}: larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DubaoError(f"{path}: no such file") from None
    except OSError as exc:
        raise DubaoError(f"{path}: cannot read ({exc.strerror or exc})") from None
    annotations = _open(args.db)
    try:
        report = import_w3c(annotations, data)
        edits = correction_items(data)
        summary = report.summary()
        if edits:
            summary += "; " + import_corrections(annotations.library, edits).summary()
    except DubaoError as exc:
        raise DubaoError(f"{path}: {exc}") from None
    finally:
        annotations.library.close()
    sys.stdout.buffer.write(summary.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()
    return 0


def run(args: argparse.Namespace) -> int:
    """Run whichever of the two commands was asked for."""
    return run_export(args) if args.command == "export" else run_import(args)
