"""``main.py parse PATH``: print a page's structure as JSON."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="parse an OCR'd page and print its sections as JSON")
    p.add_argument("path", help="a page text file (UTF-8, UTF-16 or GB18030)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.page_file import read_page_file
    from models.parser import parse_page

    page = read_page_file(args.path)
    parsed = parse_page(page.raw)
    out = sys.stdout.buffer
    out.write(json.dumps(parsed.to_json(), ensure_ascii=False).encode("utf-8"))
    out.write(b"\n")
    out.flush()
    return 0
