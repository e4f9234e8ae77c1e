"""``main.py export`` and ``main.py import-annotations``: annotations and text out of and into the library.

``export --format w3c|csv|md [--issue ID] [--db FILE] [-o OUT]`` writes the library's (or one
issue's) annotations to OUT or stdout; W3C includes the corrections (``"motivation":
"editing"``), and with ``--structure`` the editors' structure edits (``"motivation":
"classifying"``, :func:`models.proofreading.exchange.structure_annotations`). ``export --format text [--raw]`` writes the proofread text (or the raw OCR text),
``--format tei`` TEI with each correction as choice/sic/corr (:mod:`models.proofreading.export`).
``import-annotations FILE [--db FILE]`` merges a W3C file from a colleague and prints how many
highlights were added, merged and left unanchored, and how many corrections (and structure
edits) were applied, already here, or in conflict with a local one (kept in the history, the
local one in force).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.commands import existing_library, row_id

FORMATS = ("w3c", "csv", "md", "text", "tei")


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
    p.add_argument(
        "--structure",
        action="store_true",
        help="with --format w3c: also each structure edit in force (split, join, roles, section kinds, "
        "reading order) as an annotation of motivation classifying, for import-annotations to apply "
        "(default: highlights and corrections only)",
    )
    p.add_argument("--issue", type=row_id, metavar="ID", help="only this issue's annotations (default: all)")
    p.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")
    p.set_defaults(run=run)
    q = sub.add_parser("import-annotations", help="merge a W3C Web Annotation file into the library")
    q.add_argument("file", metavar="FILE", help="a W3C AnnotationCollection (JSON-LD) made by export")
    q.add_argument(
        "--db",
        metavar="DB",
        help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)",
    )
    q.set_defaults(run=run)


def _open(db: str | None, read_only: bool = False):
    from models.annotations.service import Annotations
    from models.library.service import Library

    existing_library(db)  # export and import-annotations never create a library
    return Annotations(Library.open(db, read_only=read_only))


def run_export(args: argparse.Namespace) -> int:
    from models.annotations.exchange import iter_collect, w3c_chunks
    from models.annotations.exchange_tables import csv_chunks, markdown_chunks
    from models.errors import DubaoError
    from models.export_file import check_target, write_atomically, write_chunks_atomically

    if args.raw and args.format != "text":
        raise DubaoError("--raw goes with --format text")
    if args.structure and args.format != "w3c":
        raise DubaoError("--structure goes with --format w3c")
    if args.output:
        # Refuse a bad target before the library is read, and again (a file may appear) when writing.
        check_target(args.output, [args.db])
    annotations = _open(args.db, read_only=True)
    library = annotations.library
    library_file = library.source_path
    try:
        scope = library.issue(args.issue).label if args.issue is not None else "library"
        what = "annotations"
        if args.format in ("text", "tei"):
            from models.proofreading.export import pages_in_order, tei_export, text_export

            if args.format == "text":
                data = text_export(library, args.issue, raw=args.raw).encode("utf-8")
            else:
                data = tei_export(library, args.issue, f"Dubao — {scope}").encode("utf-8")
            count, what = len(list(pages_in_order(library, args.issue))), "pages"
        else:
            # Streamed: each annotation is written as it is made (100,000 never held at once).
            items = iter_collect(annotations, args.issue)
            title = f"Dubao annotations — {scope}"
            counted: list[int] = []
            if args.format == "w3c":
                from models.proofreading.exchange import correction_annotations

                corrections = correction_annotations(library, args.issue, structure=args.structure)
                chunks = w3c_chunks(items, title, corrections, counted)
            elif args.format == "csv":
                chunks = csv_chunks(items, counted)
            else:
                chunks = markdown_chunks(items, title, counted)
            if args.output:
                write_chunks_atomically(args.output, chunks, [library_file, args.db])
            else:
                for chunk in chunks:
                    sys.stdout.buffer.write(chunk)
                sys.stdout.buffer.flush()
            count = counted[0]
            data = None
    finally:
        library.close()
    if args.output:
        if data is not None:
            write_atomically(args.output, data, [library_file, args.db])
        noun = what if count != 1 else what.removesuffix("s")  # "1 page", "2 pages"
        print(f"{count} {noun} written to {args.output}", file=sys.stderr)
    elif data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def run_import(args: argparse.Namespace) -> int:
    from models.annotations.exchange import import_w3c, read_annotation_file
    from models.errors import DubaoError, LibraryWriteError
    from models.proofreading.exchange import correction_items, import_corrections

    path = Path(args.file)
    data = read_annotation_file(path)
    annotations = _open(args.db)
    try:
        report = import_w3c(annotations, data)
        edits = correction_items(data)
        summary = report.summary()
        conflicts: list[str] = []
        if edits:
            corrections = import_corrections(annotations.library, edits)
            summary += "; " + corrections.summary()
            conflicts = [c.line() for c in corrections.conflict_list]
    except LibraryWriteError:
        raise
    except DubaoError as exc:
        raise DubaoError(f"{path}: {exc}") from None
    finally:
        annotations.library.close()
    sys.stdout.buffer.write(summary.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()
    if conflicts:  # which, and where the colleague's version is kept (stdout keeps its one line)
        print("conflicts (yours kept; theirs kept in each page's history as reverted):", file=sys.stderr)
        for line in conflicts:
            print("  " + line, file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run whichever of the two commands was asked for."""
    return run_export(args) if args.command == "export" else run_import(args)
