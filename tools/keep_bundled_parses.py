"""Write the kept parse of every page bundled with the app (the sample page) for the parser as it is now.

    python tools/keep_bundled_parses.py          # write resources/parsed-pages/ afresh
    python tools/keep_bundled_parses.py --check  # exit 1 if it is not the current parser's output

A first start shows the bundled sample page from ``resources/parsed-pages/<digest>.json``
(``models.parsed_pages.parse_cached``) instead of loading the parser and numpy and parsing it
(~0.15 s of CPU, issue 11). The file's name is a digest of the page's text and of the parser's
files, so after any change to the parser the app no longer finds it and parses the page as
before (correct, only slower): run this then, and commit the file it writes.
``tests/test_parsed_pages.py`` fails while the file is missing or differs from the parser's output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.parsed_pages import entry_name, entry_text, shipped_folder  # noqa: E402
from models.parser import parse_page  # noqa: E402
from models.resources import resource_path  # noqa: E402

#: The pages bundled with the app whose parse ships beside them.
BUNDLED = ("sample-page.txt",)


def expected() -> dict[str, str]:
    """File name -> the entry's text, for every bundled page, parsed now."""
    entries = {}
    for name in BUNDLED:
        raw = resource_path(name).read_text(encoding="utf-8")
        entries[entry_name(raw)] = entry_text(parse_page(raw))
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the shipped files are current")
    args = parser.parse_args()
    folder = shipped_folder()
    wanted = expected()
    present = {p.name: p for p in folder.glob("*.json")} if folder.is_dir() else {}
    if args.check:
        stale = [
            n
            for n, text in wanted.items()
            if n not in present or present[n].read_text(encoding="utf-8") != text
        ]
        extra = sorted(set(present) - set(wanted))
        for name in stale:
            print(f"missing or different: {folder / name}")
        for name in extra:
            print(f"left from another parser: {folder / name}")
        return 1 if stale or extra else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in present.items():
        if name not in wanted:
            path.unlink()
    for name, text in wanted.items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
