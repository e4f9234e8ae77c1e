"""Re-parsing library pages with the parser that runs now (issue 9): one page, an issue, the library.

A page's raw text never changes; its sections are the parser's reading of it with the editors'
structure edits applied on top (they are keyed by raw offsets, as corrections are). A newer
parser reads some pages differently, so re-parsing replaces the stored sections, applies the
structure edits in force again, and moves each highlight to where its raw characters are shown
now (``models.proofreading.highlights.follow``: exact, not a guess; only a highlight whose
characters are no longer shown at all is placed by its quote, or marked unanchored). The page
records the parser version that made it. Each page is its own transaction: a failure or a
cancel leaves every page either as it was or wholly re-parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from models.errors import DubaoError

if TYPE_CHECKING:
    from models.library.service import Library

#: progress(pages done, pages in all, page id being re-parsed) -> False to stop after this page
Progress = Callable[[int, int, int], bool]


@dataclass(frozen=True)
class PageReparse:
    """What re-parsing one page did."""

    page_id: int
    #: highlights that now sit elsewhere in the page's sections (on the same words)
    moved: int
    #: highlights whose words the page no longer shows anywhere (kept, marked unanchored)
    unanchored: int
    #: structure edits in force that the new reading has no place for (kept, not applied)
    skipped_edits: int
    #: whether the new reading's sections differ from the old ones
    changed: bool


@dataclass
class ReparseReport:
    """A batch of re-parses: what was done, what was already current, what failed."""

    parser_version: str
    reparsed: list[PageReparse] = field(default_factory=list)
    #: pages already made by this parser version (left alone unless every page was asked for)
    current: list[int] = field(default_factory=list)
    #: (page id, one-line reason): nothing of that page was changed
    failed: list[tuple[int, str]] = field(default_factory=list)
    #: pages not reached because the batch was cancelled (unchanged)
    not_done: list[int] = field(default_factory=list)
    cancelled: bool = False

    @property
    def page_ids(self) -> list[int]:
        return [r.page_id for r in self.reparsed]

    def summary(self) -> str:
        moved = sum(r.moved for r in self.reparsed)
        lost = sum(r.unanchored for r in self.reparsed)
        n = len(self.reparsed)
        parts = [f"{n} page re-parsed" if n == 1 else f"{n} pages re-parsed"]
        if self.current:
            parts.append(f"{len(self.current)} already current")
        if moved or lost:
            parts.append(f"{moved} highlights moved with their words, {lost} unanchored")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.cancelled:
            parts.append(f"cancelled, {len(self.not_done)} left as they were")
        return "; ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {
            "parser_version": self.parser_version,
            "reparsed": self.page_ids,
            "changed": [r.page_id for r in self.reparsed if r.changed],
            "current": list(self.current),
            "highlights_moved": sum(r.moved for r in self.reparsed),
            "highlights_unanchored": sum(r.unanchored for r in self.reparsed),
            "structure_edits_skipped": sum(r.skipped_edits for r in self.reparsed),
            "failed": [{"page": page, "reason": reason} for page, reason in self.failed],
            "cancelled": self.cancelled,
            "not_done": list(self.not_done),
        }


def pages_in_scope(library: Library, page_id: int | None = None, issue_id: int | None = None) -> list[int]:
    """The pages a re-parse concerns: one page, one issue's pages, or every page (DubaoError if unknown)."""
    if page_id is not None and issue_id is not None:
        raise DubaoError("give a page or an issue, not both")
    if page_id is not None:
        return [library.page_info(page_id).id]
    if issue_id is not None:
        library.issue(issue_id)
        return [p.id for p in library.pages(issue_id)]
    return [p.id for issue in library.issues() for p in library.pages(issue.id)]


def reparse_pages(
    library: Library,
    page_ids: Sequence[int],
    every: bool = False,
    progress: Progress | None = None,
) -> ReparseReport:
    """Re-parse pages one transaction each; pages made by this parser are skipped unless ``every``.

    A page that fails (the library locked, the disk full) is reported and the next one tried.
    """
    from models.library.failed_writes import write_failure
    from models.library.service import parser_version

    version = parser_version()
    report = ReparseReport(version)
    stale = set(library.stale_pages()) if not every else set(page_ids)
    todo = [p for p in page_ids if p in stale]
    report.current = [p for p in page_ids if p not in stale]
    for done, page_id in enumerate(todo):
        if progress is not None and not progress(done, len(todo), page_id):
            report.cancelled = True
            report.not_done = todo[done:]
            return report
        try:
            report.reparsed.append(library.reparse(page_id))
        except Exception as exc:  # noqa: BLE001 - told in the report, the batch goes on
            failure = write_failure(exc)
            if failure is None:
                raise
            report.failed.append((page_id, failure.detail))
    if progress is not None:
        progress(len(todo), len(todo), -1)
    return report
