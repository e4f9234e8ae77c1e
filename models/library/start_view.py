"""What the window showed of its library file when it closed, kept for the next start.

The next start shows the library panel (issues, their progress, who proofreads what, the pages
of the issue read) and the library page read last from this file before peewee and the
library's modules are loaded, then opens the library just after. The file's and its write-ahead
log's identity, size and modification time (nanoseconds) are kept beside the view: while they
are as they were, the view is the library as it is (``StartView.current``). After a write since
(by the command line, another program, a restored copy) the view is still shown, for the page
read last (the same page id, read by the same parser), as what it was, and the library is read
on the next pass of the event loop as always: the panel is filled anew and the page read again
in place, its columns compared block by block with what they show and set again only where
they differ (so a page that the write left alone does not change on screen, and one it
changed, or removed, shows as the library now has it, one pass later). Kept only for a library
file (never a server, whose colleagues write at any time). Reading this module loads neither
peewee nor the library.

The kept page is its current text as the reader showed it (corrections in force applied), with
its source maps into the raw text, which is kept whole beside them: nothing is derived anew.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # imported where a kept view is read or made: a first start's empty view needs neither
    from datetime import datetime

    from models.library.records import IssueInfo, PageInfo
    from models.section import ParsedPage

FILE_NAME = "start-view.json"
_FORMAT = 1
#: A kept file larger than this is not read (a page's entry is a few times its text).
_LIMIT = 20_000_000


class KeptAssignment(NamedTuple):
    """Who proofreads a page, as the panel shows it (the fields of ``Assignment`` it reads)."""

    page_id: int
    issue_id: int
    editor: str
    author: str
    created: datetime


class KeptPage(NamedTuple):
    """The library page read last: its record, its issue's and its current text."""

    info: PageInfo
    issue: IssueInfo
    page: ParsedPage


class StartView(NamedTuple):
    """The panel's and the page's data as the library held them when the window closed. (These
    three are named tuples, not frozen dataclasses: made at start-up, ~0.6 ms of CPU less each.)"""

    issues: list[IssueInfo]
    #: issue id -> pages marked done
    done: dict[int, int]
    assigned: dict[int, KeptAssignment]
    #: issue id -> its pages, for the issues the panel had open (the page read's among them)
    pages: dict[int, list[PageInfo]]
    page: KeptPage | None
    #: False: the library file was written since the view was kept (shown until the library is read)
    current: bool = True


def file_stamp(path: str | os.PathLike[str]) -> list[list[int] | None] | None:
    """The library file's and its write-ahead log's identity (device, inode), size and
    modification time; None when the file is not there or cannot be read."""
    stamp: list[list[int] | None] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{os.fspath(path)}{suffix}")
        except FileNotFoundError:
            if not suffix:
                return None
            stamp.append(None)
            continue
        except OSError:
            return None
        stamp.append([st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns])
    return stamp


def gather(library: Any, page_id: int | None, open_issues: set[int] | None = None) -> dict[str, Any]:
    """The view of ``library`` (a ``Library``, open) to keep: its panel, and page ``page_id`` if given."""
    from models.section import ParsedPage

    issues = library.issues()
    done = {p.issue_id: p.done for p in library.progress()}
    assigned = library.assignments()
    wanted = set(open_issues or ())
    page = None
    if page_id is not None:
        content = library.page(page_id)
        issue = library.issue(content.info.issue_id)
        wanted.add(issue.id)
        page = {
            "info": asdict(content.info),
            "issue": _issue_json(issue),
            "raw": content.raw,
            "sections": _page_json(ParsedPage(content.raw, content.current_sections)),
        }
    known = {issue.id for issue in issues}
    return {
        "issues": [_issue_json(issue) for issue in issues],
        "done": [[k, v] for k, v in done.items()],
        "assigned": [
            [a.page_id, a.issue_id, a.editor, a.author or "", a.created.isoformat()]
            for a in assigned.values()
        ],
        "pages": [[i, [asdict(p) for p in library.pages(i)]] for i in sorted(wanted & known)],
        "page": page,
    }


def keep(folder: Path, library_file: str | os.PathLike[str], view: dict[str, Any]) -> bool:
    """Keep ``view`` (from :func:`gather`) for ``library_file`` as it is now: call it once the
    library is closed (closing a file's last connection writes its log into it). False when
    the folder cannot be written (nothing is then kept; the next start reads the library)."""
    stamp = file_stamp(library_file)
    path = folder / FILE_NAME
    if stamp is None:
        forget(folder)
        return False
    data = {"format": _FORMAT, "library": str(Path(library_file).resolve()), "stamp": stamp, **view}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{FILE_NAME}.{os.getpid()}")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        return False
    return True


def forget(folder: Path) -> None:
    """Drop the kept view (the window shows another library, or one on a server)."""
    try:
        (folder / FILE_NAME).unlink(missing_ok=True)
    except OSError:
        pass


def read(folder: Path, library_file: str | os.PathLike[str]) -> StartView | None:
    """The view kept for ``library_file``, ``current`` if the file is exactly as it was then;
    None when none is kept, it is another library's, the file is not there any more, or the
    entry is damaged or unreadable."""
    path = folder / FILE_NAME
    try:
        if path.stat().st_size > _LIMIT:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data.get("library") != str(Path(library_file).resolve()):
            return None
        stamp = file_stamp(library_file)
        if stamp is None:
            return None
        return _view(data, current=data.get("stamp") == stamp)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def new_library(library_file: str | os.PathLike[str]) -> StartView | None:
    """An empty view for a library file that does not exist yet (a first start): its panel is
    empty, as the library made when it opens is. None if the file (or its log) is there."""
    path = os.fspath(library_file)
    if os.path.lexists(path) or os.path.lexists(path + "-wal"):
        return None
    return StartView(issues=[], done={}, assigned={}, pages={}, page=None)


def _view(data: dict[str, Any], current: bool = True) -> StartView:
    # The records' and datetime's modules are imported only for what the view holds: an empty
    # library's view needs neither (~4 ms of CPU before the sample page, issue 11).
    page = None
    if data["page"] is not None:
        kept = data["page"]
        raw = kept["raw"]
        if not isinstance(raw, str):
            raise TypeError("the kept raw text is not a text")
        page = KeptPage(
            info=_page_info(kept["info"]),
            issue=_issue(kept["issue"]),
            page=_page(raw, kept["sections"]),
        )
    return StartView(
        issues=[_issue(item) for item in data["issues"]],
        done={int(k): int(v) for k, v in data["done"]},
        assigned={int(p): _assignment(int(p), int(i), e, a, c) for p, i, e, a, c in data["assigned"]},
        pages={int(i): [_page_info(p) for p in pages] for i, pages in data["pages"]},
        page=page,
        current=current,
    )


def _page_info(item: dict[str, Any]) -> PageInfo:
    from models.library.records import PageInfo

    return PageInfo(**item)


def _assignment(page_id: int, issue_id: int, editor: object, author: object, created: str) -> KeptAssignment:
    from datetime import datetime

    return KeptAssignment(page_id, issue_id, str(editor), str(author), datetime.fromisoformat(created))


def _issue_json(issue: IssueInfo) -> dict[str, Any]:
    item = asdict(issue)
    item["created"] = issue.created.isoformat()
    return item


def _issue(item: dict[str, Any]) -> IssueInfo:
    from datetime import datetime

    from models.library.records import IssueInfo

    return IssueInfo(**{**item, "created": datetime.fromisoformat(item["created"])})


def _page_json(page: ParsedPage) -> dict[str, Any]:
    from models.parsed_pages import to_json

    return to_json(page)


def _page(raw: str, sections: dict[str, Any]) -> ParsedPage:
    from models.parsed_pages import from_json

    return from_json(raw, sections)


def library_file(target: str | os.PathLike[str] | None) -> Path | None:
    """The library file ``--db`` names (None: the default one), or None for a server's URL or
    an in-memory library (nothing is kept for those)."""
    if target is None:
        from models.library.location import default_library_path

        return default_library_path()
    text = os.fspath(target)
    scheme = text.split(":", 1)[0] if ":" in text else ""
    if text == ":memory:" or (
        len(scheme) > 1 and scheme.replace("+", "").replace(".", "").replace("-", "").isalnum()
    ):
        return None
    return Path(text)
