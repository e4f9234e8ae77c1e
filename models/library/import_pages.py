"""Reading and parsing page files for an import, in worker processes when there are many.

Parsing is pure Python and most of an import's time, so a large import parses in a pool of
worker processes (one per core) while the importer writes the pages already parsed: each
worker reads a file, parses it and reduces it to the rows it will become — sections with
compacted source maps, the search index's rows and tokens — so the importer only writes.
Results come back in file order, and at most a few pages per worker are in flight, so
memory stays bounded whatever the number of files. A small import (or a parser other than
the stock one, as in tests) is prepared in this process, the same way.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import DubaoError
from models.library import search_index
from models.library import sections as stored
from models.library.filenames import NameGuess, guess_from_name
from models.scan_file import ScanImage
from models.section import ParsedPage

if TYPE_CHECKING:
    from concurrent.futures import Future

#: Fewer files than this are prepared in this process (starting workers costs about a second).
POOL_MIN_PAGES = 24
#: Pages parsed ahead of the writer, per worker.
AHEAD_PER_WORKER = 3


class ImportFailed(DubaoError):
    """An import refused because of one of its files or paths."""


@dataclass
class PreparedPage:
    """A read and parsed file, reduced to the rows it will become (source maps compacted)."""

    path: Path
    raw: str
    sha256: str
    encoding: str
    guess: NameGuess
    sections: list[stored.StoredSection] = field(default_factory=list)
    #: The search index's rows and tokens for the page (a new page has no corrections).
    index: search_index.PreparedPage | None = None
    #: All the masthead's text (a date printed there dates the issue) and its title.
    masthead: str | None = None
    masthead_title: str | None = None
    #: The scan beside the file (same name, .png/.jpg/.tif/.pdf), read and checked.
    scan: ScanImage | None = None


def prepare(path: Path, parse: Callable[[str], ParsedPage]) -> PreparedPage:
    """Read, parse and reduce one page file; PageFileError or ImportFailed with a one-line reason."""
    from models.page_file import read_page_file
    from models.scan_file import read_scan, scan_beside

    page_file = read_page_file(path)
    try:
        parsed = parse(page_file.raw)
    except DubaoError:
        raise
    except Exception as exc:  # a parser bug must not leave a traceback or half an import
        raise ImportFailed(f"{path}: the page could not be parsed ({type(exc).__name__}: {exc})") from exc
    prepared = PreparedPage(
        path=path,
        raw=page_file.raw,
        sha256=page_file.sha256,
        encoding=page_file.encoding,
        guess=guess_from_name(path.stem),
    )
    prepared.sections = stored.to_rows(parsed)
    beside = scan_beside(path)
    if beside is not None:
        prepared.scan = read_scan(beside)  # a broken scan refuses the import, like a broken page
    prepared.index = search_index.prepare_page(page_file.raw, search_index.section_entries(parsed.sections))
    for section in parsed.sections:
        if section.kind == "masthead":
            texts = section.all_texts()
            prepared.masthead = " ".join(t.text for t in texts)
            title = section.heading or (texts[0] if texts else None)
            prepared.masthead_title = title.text.strip() if title is not None else None
            break
    return prepared


#: A worker's cyclic garbage collector runs after this many new container objects, not 700:
#: the parse makes and drops many (its collections, a full one reading all the parser's tables
#: among them, took ~2 ms of a page's 25 ms of CPU); few are cycles, so memory stays bounded.
WORKER_GC_THRESHOLD = 20_000


def _start_worker() -> None:
    """A worker's start: fewer garbage collections, and an exit that skips tearing down the
    interpreter (the parser's tables and every module, ~0.1-0.3 s of a core each, which the
    import waited for before its commit). Results are written to the pipe as each is sent,
    and multiprocessing has flushed its queues before ``atexit`` runs, so nothing is lost."""
    import atexit
    import gc

    gc.set_threshold(WORKER_GC_THRESHOLD, 10, 10)
    atexit.register(os._exit, 0)


def _prepare_with_stock_parser(path: Path) -> PreparedPage:
    """What a worker process runs (module level, so it can be named to another process)."""
    from models.parser import parse_page

    try:
        return prepare(path, parse_page)
    except DubaoError:
        raise
    except Exception as exc:  # reported in one line by the importer, like any bad file
        raise ImportFailed(f"{path}: the page could not be read ({type(exc).__name__}: {exc})") from None


def is_stock_parser(parse: Callable[[str], ParsedPage]) -> bool:
    """Whether ``parse`` is the parser a worker process would import (not a test's stand-in)."""
    import models.parser

    return parse is models.parser.parse_page and getattr(parse, "__module__", "").startswith("models.parser")


def worker_count() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def prepared_pages(files: Sequence[Path], parse: Callable[[str], ParsedPage]) -> Iterator[PreparedPage]:
    """The files prepared, in order; in worker processes when there are many and the parser is stock.

    Closing the iterator early (a failure, a cancel) stops the workers; files not yet
    started are never read.
    """
    if len(files) < POOL_MIN_PAGES or not is_stock_parser(parse):
        for path in files:
            yield prepare(path, parse)
        return
    # Imported here: the window imports this module at start-up, and most imports are small.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = min(worker_count(), len(files))
    # "spawn": a fresh interpreter per worker, safe from a thread (the window's import task).
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
    )
    pending: deque[Future[PreparedPage]] = deque()
    queue = iter(files)
    finished = False
    try:
        for path in queue:
            pending.append(pool.submit(_prepare_with_stock_parser, path))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                break
        while pending:
            future = pending.popleft()
            following = next(queue, None)
            if following is not None:
                pending.append(pool.submit(_prepare_with_stock_parser, following))
            try:
                page = future.result()
            except BrokenProcessPool:
                raise ImportFailed(
                    "a worker process reading the pages stopped (out of memory?); nothing was imported"
                ) from None
            finished = not pending  # the last page: nothing left for the workers
            yield page
    finally:
        for future in pending:
            future.cancel()
        # Every page read: the workers end while the importer commits (their exit is not waited
        # for here). A failure or a cancel waits until they have stopped.
        pool.shutdown(wait=not finished, cancel_futures=True)
