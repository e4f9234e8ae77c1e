"""Page files parsed before, kept between runs: a page file opened again (the sample page or the
last page read, at start-up) shows without loading the parser (numpy, its models) or parsing.

An entry is found by a digest of the page's raw text and of the parser's code and weights
(every file of ``models/parser`` and ``resources/parser``, and the two modules a parsed page is
made of), so any change to the parser, or to the text, misses and parses afresh. A missing,
unreadable or damaged entry is parsed again as well; a cache that cannot be written (read-only
folder, disk full) is only not kept. The folder holds at most :data:`KEEP` entries, the ones
used last. The raw text is never changed: an entry holds the sections and their source maps.

The bundled sample page's entry ships in ``resources/parsed-pages`` (found after the user's
folder), so that even a first start shows it without the parser (numpy, the models: ~0.15 s of
CPU). Its name is the same digest, so after any change to the parser's files it is simply not
found and the page is parsed as before; ``tools/keep_bundled_parses.py`` writes it again and
``tests/test_parsed_pages.py`` fails while it is not the current parser's output.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path

from models.section import HEAD_FIELDS, ParsedPage, Section
from models.text import MappedText

try:  # hashlib's own blake2b, without hashlib loading OpenSSL (libcrypto: ~3 ms of the start-up)
    from _blake2 import blake2b
except ImportError:  # another Python than CPython
    from hashlib import blake2b

#: Entries kept in the folder (a page's entry is a few times its text: ~100 KB for a long page).
KEEP = 40
_FORMAT = 1
#: The folder of ``resources/`` holding the bundled pages' entries.
SHIPPED = "parsed-pages"


def kept_folder() -> Path:
    """Where the app keeps them: ``parsed-pages`` in the app-data folder."""
    from models.library.location import app_data_dir

    return app_data_dir() / "parsed-pages"


@cache
def parser_key() -> str:
    """A digest of the parser's code and weights, read from their files (the parser is not imported)."""
    from models.resources import resource_path

    models_dir = Path(__file__).resolve().parent
    # The parser's modules and resource files, listed without glob's pattern compiled at each
    # start-up (~0.3 ms of CPU). Dot files (an editor's swap file, .DS_Store) are left out on
    # purpose: they are no part of the parser (Python 3.11's glob("*") would include them).
    files = sorted(p for p in (models_dir / "parser").iterdir() if p.suffix == ".py" and p.name[0] != ".")
    files += sorted(p for p in resource_path("parser").iterdir() if p.name[0] != ".")
    files += [models_dir / "section.py", models_dir / "text.py"]
    digest = blake2b(f"format {_FORMAT}".encode(), digest_size=16)
    for path in files:
        digest.update(path.name.encode() + b"\0")
        # A checkout with Windows line endings (git's autocrlf) hashes as this one, so the
        # shipped parse of the bundled page is found there too.
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


def parser_version(folder: Path | None) -> str:
    """``models.parser.PARSER_VERSION``: asked of the parser when it is loaded, else read from
    ``folder`` where it is kept for the parser's files as they are now (the version is made from
    those files, so they decide it whole), so that a library page opened at start-up is checked
    against the parser that runs without loading it. Kept only when read from the parser here."""
    loaded = sys.modules.get("models.parser")
    if loaded is not None:
        return str(getattr(loaded, "PARSER_VERSION", ""))
    kept = None if folder is None else folder / "parser-version.json"
    found = None if kept is None else kept_version(kept)
    if found is not None:
        return found
    import models.parser

    version = str(getattr(models.parser, "PARSER_VERSION", ""))
    if kept is not None:
        keep_version(kept, version)
    return version


def kept_version(kept: Path) -> str | None:
    """The version kept in the file for the parser's files as they are now, else None."""
    try:
        stored = json.loads(kept.read_text(encoding="utf-8"))
        if stored["key"] == parser_key() and isinstance(stored["version"], str):
            return stored["version"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def keep_version(kept: Path, version: str) -> None:
    _write(kept, json.dumps({"key": parser_key(), "version": version}))


def _write(path: Path, text: str) -> None:
    """Write a file whole (temporary file and rename); a folder that cannot be written keeps nothing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass


def _runs(source: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for offset in source:
        if runs and runs[-1][0] + runs[-1][1] == offset:
            runs[-1][1] += 1
        else:
            runs.append([offset, 1])
    return runs


def _source(runs: list[list[int]]) -> list[int]:
    source: list[int] = []
    for start, length in runs:
        source.extend(range(start, start + length))
    return source


def to_json(page: ParsedPage) -> dict[str, object]:
    """The sections with their source maps (as runs), without the raw text."""
    sections = []
    for section in page.sections:
        item: dict[str, object] = {"kind": section.kind}
        for name in HEAD_FIELDS:
            value = getattr(section, name)
            if value is not None:
                item[name] = [value.text, _runs(value.source)]
        item["paragraphs"] = [[p.text, _runs(p.source)] for p in section.paragraphs]
        sections.append(item)
    return {"sections": sections}


def from_json(raw: str, stored: dict) -> ParsedPage:
    """The page :func:`to_json` stored; ValueError when an entry does not fit the raw text."""
    sections = []
    for item in stored["sections"]:
        heads = {
            name: MappedText(item[name][0], _source(item[name][1])) for name in HEAD_FIELDS if name in item
        }
        paragraphs = [MappedText(text, _source(runs)) for text, runs in item["paragraphs"]]
        section = Section(kind=str(item["kind"]), paragraphs=paragraphs, **heads)
        for text in section.all_texts():
            if text.source and (min(text.source) < 0 or max(text.source) >= len(raw)):
                raise ValueError("a cached source map points outside the page")
        sections.append(section)
    return ParsedPage(raw, sections)


def shipped_folder() -> Path:
    """The entries shipped with the app (the bundled sample page's): ``resources/parsed-pages``."""
    from models.resources import resource_path

    return resource_path(SHIPPED)


def entry_name(raw: str) -> str:
    """The file name of ``raw``'s entry for the parser as it is now (its text's and the parser's digest)."""
    digest = blake2b(raw.encode("utf-8"), digest_size=16, key=bytes.fromhex(parser_key()))
    return f"{digest.hexdigest()}.json"


def _read_entry(entry: Path, raw: str) -> ParsedPage | None:
    try:
        return from_json(raw, json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # not there, or written by something else: parse it again


def parse_cached(raw: str, folder: Path | None, shipped: Path | None = None) -> ParsedPage:
    """``models.parser.parse_page(raw)``, from ``folder``'s entry when the same text was parsed by
    the same parser before, else from ``shipped``'s (the entries bundled with the app: the
    sample page's), else parsed (and kept in ``folder``; None: parse, keep nothing)."""
    try:
        name = entry_name(raw)
    except OSError:  # the parser's files cannot be read for their digest: parse, keep nothing
        name, folder, shipped = "", None, None
    entry = None
    if folder is not None:
        entry = folder / name
        page = _read_entry(entry, raw)
        if page is not None:
            _touch(entry)
            return page
    if shipped is not None:
        page = _read_entry(shipped / name, raw)
        if page is not None:
            return page
    from models.parser import parse_page

    page = parse_page(raw)
    if entry is not None:
        _keep(entry, page)
    return page


def _touch(entry: Path) -> None:
    try:
        os.utime(entry)
    except OSError:
        pass


def entry_text(page: ParsedPage) -> str:
    """What a kept (or shipped) entry holds for ``page``: its JSON, compact."""
    return json.dumps(to_json(page), ensure_ascii=False, separators=(",", ":"))


def _keep(entry: Path, page: ParsedPage) -> None:
    """Write the entry and drop the least recently used beyond KEEP."""
    _write(entry, entry_text(page))
    try:
        kept = sorted(entry.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [p for p in kept if p.name != "parser-version.json"][KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be tidied only holds a few more entries
