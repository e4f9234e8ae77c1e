"""Editors' readings of single occurrences (重庆 read chóng here, 曾 as a surname there).

An override belongs to one character at one raw-text offset of a page, so it stays
with that occurrence whatever the parser or a correction does around it; it is kept in
the library's ``reading_override`` table and wins over the context reading from then on.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models.errors import DubaoError
from models.language.syllables import marked
from models.library.schema import Issue, Page, ReadingOverride
from models.library.service import Library

#: One syllable as an editor types it: tone marks (chóng) or a tone number (chong2, lv4, lu:4).
_TYPED = re.compile(r"^[a-zü]{1,6}[1-5]?$")


@dataclass(frozen=True)
class OverrideInfo:
    """One override: the page, the raw offset and character, and the reading."""

    page_id: int
    offset: int
    char: str
    pinyin: str
    created: datetime


def parse_syllables(typed: str, count: int) -> list[str]:
    """``count`` tone-marked syllables from what an editor typed ("chong2 qing4" or "chóng qìng")."""
    parts = typed.replace(",", " ").replace("'", " ").split()
    if len(parts) != count:
        raise DubaoError(f"{count} syllable{'s' if count != 1 else ''} needed, {len(parts)} given")
    out: list[str] = []
    for part in parts:
        part = unicodedata.normalize("NFC", part.strip().lower())
        bare = "".join(
            c
            for c in unicodedata.normalize("NFD", part.replace("u:", "ü").replace("v", "ü"))
            if c != "\u0304" and c not in "\u0301\u030c\u0300"
        )
        bare = unicodedata.normalize("NFC", bare)
        if not _TYPED.match(bare):
            raise DubaoError(f"{part!r} is not a pinyin syllable")
        out.append(marked(part) if part[-1:].isdigit() else part)
    return out


def _check_page(page_id: int) -> None:
    if not Page.select().where(Page.id == page_id).exists():
        raise DubaoError(f"no page {page_id} in the library")


def set_readings(
    library: Library, page_id: int, chars: Sequence[tuple[int, str]], syllables: Sequence[str]
) -> None:
    """Read the characters at raw offsets ``chars`` ((offset, character), ...) as ``syllables``."""
    if len(chars) != len(syllables):
        raise DubaoError("one syllable per character is needed")
    with library.database.atomic():
        _check_page(page_id)
        for (offset, char), pinyin in zip(chars, syllables):
            ReadingOverride.insert(page=page_id, offset=offset, char=char, pinyin=pinyin).on_conflict(
                conflict_target=[ReadingOverride.page, ReadingOverride.offset],
                update={ReadingOverride.char: char, ReadingOverride.pinyin: pinyin},
            ).execute()


def clear_readings(library: Library, page_id: int, offsets: Sequence[int]) -> int:
    """Forget the overrides at these raw offsets; how many there were."""
    with library.database.atomic():
        return (
            ReadingOverride.delete()
            .where((ReadingOverride.page == page_id) & (ReadingOverride.offset.in_(list(offsets))))
            .execute()
        )


def page_overrides(library: Library, page_id: int) -> dict[int, tuple[str, str]]:
    """The page's overrides: raw offset -> (character, pinyin)."""
    query = ReadingOverride.select(
        ReadingOverride.offset, ReadingOverride.char, ReadingOverride.pinyin
    ).where(ReadingOverride.page == page_id)
    return {offset: (char, pinyin) for offset, char, pinyin in query.tuples()}


def all_overrides(library: Library) -> list[OverrideInfo]:
    """Every override in the library, by page and offset."""
    query = ReadingOverride.select().order_by(ReadingOverride.page, ReadingOverride.offset)
    return [OverrideInfo(r.page_id, r.offset, r.char, r.pinyin, r.created) for r in query]


OVERRIDE_COLUMNS = ("paper", "date", "page", "offset", "character", "pinyin", "context", "created")


def export_csv(library: Library, path: str | os.PathLike[str]) -> int:
    """Write every override as CSV (UTF-8 with BOM, for Excel); how many rows."""
    rows = []
    query = (
        ReadingOverride.select(ReadingOverride, Page, Issue)
        .join(Page)
        .join(Issue)
        .order_by(Issue.date, Page.position, ReadingOverride.offset)
    )
    for r in query:
        page = r.page
        raw = page.raw_text
        context = raw[max(0, r.offset - 8) : r.offset + 9].replace("\n", " ")
        label = page.name or (f"{page.number}" if page.number is not None else str(page.id))
        rows.append(
            (
                page.issue.paper,
                page.issue.date or "",
                label,
                r.offset,
                r.char,
                r.pinyin,
                context,
                r.created.isoformat(),
            )
        )
    from models.export_file import write_atomically

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(OVERRIDE_COLUMNS)
    writer.writerows(rows)
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"), [library.path], what="export")
    return len(rows)


def find_page(library: Library, raw: str) -> int | None:
    """The library's page with exactly this raw text (a page opened from its file), if any."""
    from models.page_file import text_hash

    found = Page.select(Page.id).where(Page.sha256 == text_hash(raw)).order_by(Page.id).first()
    return None if found is None else found.id
