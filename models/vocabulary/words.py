"""Saved words in the library's ``vocabulary_entry`` table, and where each came from.

The source of a word ("人民日报 2020-02-12 第3版 · 《heading》") is worked out from the
page and the raw offset it was saved at, so it follows later edits of the issue's details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models.errors import DubaoError
from models.library.records import from_row
from models.library.schema import Issue, Page, VocabularyEntry, utc_now
from models.library.service import Library

#: Fields a learner may edit in the vocabulary window.
EDITABLE = ("simplified", "traditional", "pinyin", "definition", "sentence")


@dataclass(frozen=True)
class VocabularyWord:
    """One saved word."""

    id: int
    simplified: str
    traditional: str
    pinyin: str
    definition: str
    sentence: str
    page_id: int | None
    raw_offset: int | None
    source: str  # where it came from, for people: paper, date, page, article
    created: datetime


def add_word(
    library: Library,
    *,
    simplified: str,
    traditional: str = "",
    pinyin: str = "",
    definition: str = "",
    sentence: str = "",
    page_id: int | None = None,
    raw_offset: int | None = None,
) -> VocabularyWord:
    """Save a word (the same word from the same place is saved once: the old entry is returned)."""
    simplified = simplified.strip()
    if not simplified:
        raise DubaoError("a vocabulary entry needs a word")
    with library.database.atomic():
        if page_id is not None and not Page.select().where(Page.id == page_id).exists():
            raise DubaoError(f"no page {page_id} in the library")
        same = VocabularyEntry.get_or_none(
            (VocabularyEntry.simplified == simplified)
            & (VocabularyEntry.page == page_id)
            & (VocabularyEntry.raw_offset == raw_offset)
        )
        if same is None:
            same = VocabularyEntry.create(
                simplified=simplified,
                traditional=traditional if traditional != simplified else "",
                pinyin=pinyin,
                definition=definition,
                sentence=sentence,
                page=page_id,
                raw_offset=raw_offset,
            )
    return _word(same)


def list_words(library: Library) -> list[VocabularyWord]:
    """Every saved word, oldest first."""
    with library.database.atomic(lock_type="DEFERRED"):
        return [
            _word(row)
            for row in VocabularyEntry.select().order_by(VocabularyEntry.created, VocabularyEntry.id)
        ]


def update_word(library: Library, word_id: int, **fields: str) -> VocabularyWord:
    """Change the editable fields of a saved word."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise DubaoError(f"cannot edit {', '.join(sorted(unknown))} of a vocabulary entry")
    if "simplified" in fields and not fields["simplified"].strip():
        raise DubaoError("a vocabulary entry needs a word")
    values: dict[Any, object] = {getattr(VocabularyEntry, k): v.strip() for k, v in fields.items()}
    values[VocabularyEntry.updated] = utc_now()
    with library.database.atomic():
        if VocabularyEntry.update(values).where(VocabularyEntry.id == word_id).execute() == 0:
            raise DubaoError(f"no vocabulary entry {word_id}")
        return _word(VocabularyEntry.get_by_id(word_id))


def delete_word(library: Library, word_id: int) -> None:
    """Remove a saved word."""
    with library.database.atomic():
        VocabularyEntry.delete().where(VocabularyEntry.id == word_id).execute()


def _word(row: VocabularyEntry) -> VocabularyWord:
    return from_row(VocabularyWord, row, source=source_of(row.page_id, row.raw_offset))


def source_of(page_id: int | None, raw_offset: int | None) -> str:
    """'paper date page · article heading' for a page and raw offset ('' when unknown)."""
    if page_id is None:
        return ""
    page = Page.select(Page.id, Page.issue, Page.number, Page.name).where(Page.id == page_id).first()
    if page is None:
        return ""
    issue = Issue.get_by_id(page.issue_id)
    parts = [issue.paper, issue.date or ""]
    if page.number is not None:
        parts.append(f"p. {page.number}")
    if page.name:
        parts.append(page.name)
    label = " ".join(p for p in parts if p)
    heading = _heading_at(page_id, raw_offset) if raw_offset is not None else ""
    if heading:
        label = f"{label} · {heading}" if label else heading
    return label


def _heading_at(page_id: int, raw_offset: int) -> str:
    """The title of the section (article, masthead, caption) whose text holds ``raw_offset``."""
    from models.library import sections as stored

    sections, _ids = stored.load(page_id)
    for section in sections:
        if any(raw_offset in part.source for part in section.all_texts()):
            return section.title.replace("\n", " ").strip()
    return ""
