"""Annotations as tables people open elsewhere: CSV for spreadsheets, Markdown for reading.

The CSV is UTF-8 with a byte-order mark, so Excel opens Chinese text correctly, with one row
per highlight. The Markdown groups highlights by issue, page and section: the quote, then
the category, tags and note.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from models.annotations.exchange import ExportItem
from models.annotations.exchange_writing import Sources, iso

CSV_COLUMNS = (
    "id",
    "paper",
    "date",
    "issue",
    "page",
    "section",
    "section_title",
    "start",
    "end",
    "category",
    "quote",
    "prefix",
    "suffix",
    "tags",
    "note",
    "created",
    "modified",
    "anchored",
    "source",
)

#: Between tags in one CSV cell.
TAG_SEPARATOR = "; "


def csv_bytes(items: Iterable[ExportItem]) -> bytes:
    """One row per highlight, UTF-8 with BOM, CRLF line ends (what Excel expects)."""
    return b"".join(csv_chunks(items))


def csv_chunks(items: Iterable[ExportItem], counted: list[int] | None = None) -> Iterator[bytes]:
    """:func:`csv_bytes` written as rows are made (``counted`` gets the number of rows)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff".encode()
    total = 0
    sources = Sources()
    for item in items:
        total += 1
        if total % 256 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
        h = item.highlight
        writer.writerow(
            [
                f"urn:uuid:{h.uuid}",
                item.issue.paper,
                item.issue.date or "",
                item.issue.label,
                item.page.name or (item.page.number if item.page.number is not None else ""),
                "" if item.section_index is None else item.section_index,
                item.section_title,
                h.start,
                h.end,
                item.category.name,
                h.exact,
                h.prefix,
                h.suffix,
                TAG_SEPARATOR.join(h.tags),
                h.note,
                iso(h.created),
                iso(h.updated),
                "yes" if h.anchored else "no",
                sources(item),
            ]
        )
    yield out.getvalue().encode("utf-8")
    if counted is not None:
        counted.append(total)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Text that Markdown shows as it is (no accidental emphasis, links or headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_text(items: Iterable[ExportItem], title: str) -> str:
    """Highlights grouped by issue and page (## ...) and section (### ...), in reading order."""
    return "\n".join(_markdown_lines(items, title)).rstrip("\n") + "\n"


def markdown_chunks(
    items: Iterable[ExportItem], title: str, counted: list[int] | None = None
) -> Iterator[bytes]:
    """:func:`markdown_bytes` written as highlights come (``counted`` gets their number)."""
    out: list[str] = []
    blanks = 0  # blank lines held back: the file ends after its last written line
    count = [0]
    for line in _markdown_lines(items, title, count):
        if not line:
            blanks += 1
            continue
        out.append("\n" * blanks + line + "\n")
        blanks = 0
        if len(out) >= 512:
            yield "".join(out).encode("utf-8")
            out = []
    yield "".join(out).encode("utf-8")
    if counted is not None:
        counted.append(count[0])


def _markdown_lines(items: Iterable[ExportItem], title: str, count: list[int] | None = None) -> Iterator[str]:
    lines = [f"# {_md(title)}", ""]
    page_key: tuple[int, int] | None = None
    section_key: object = object()
    for item in items:
        yield from lines
        lines = []
        if count is not None:
            count[0] += 1
        h = item.highlight
        if (item.issue.id, item.page.id) != page_key:
            page_key = (item.issue.id, item.page.id)
            section_key = object()
            page_name = item.page.name or (f"{item.page.number}" if item.page.number is not None else "")
            lines += [f"## {_md(item.issue.label)} · {_md(page_name)}".rstrip(" ·"), ""]
        if item.section_index != section_key:
            section_key = item.section_index
            heading = item.section_title if item.section_index is not None else "Unanchored (text changed)"
            lines += [f"### {_md(heading)}", ""]
        quote = " ".join(h.exact.split())
        lines.append(f"- > {_md(quote)}")
        details = f"**{_md(item.category.name)}**"
        if h.tags:
            details += " · " + ", ".join(f"`{t.replace('`', '')}`" for t in h.tags)
        lines.append(f"  {details}")
        for note_line in h.note.splitlines():
            lines.append(f"  {_md(note_line)}" if note_line.strip() else "")
        lines.append("")
    yield from lines


def markdown_bytes(items: Iterable[ExportItem], title: str) -> bytes:
    return markdown_text(items, title).encode("utf-8")
