"""Storing a page's parsed sections and rebuilding them, source maps included."""

from __future__ import annotations

from dataclasses import dataclass

from models.library import sourcemap
from models.library.schema import HEAD_COLUMNS, Paragraph
from models.library.schema import Section as SectionRow
from models.section import ParsedPage, Section
from models.text import MappedText

_BATCH = 500


@dataclass
class StoredSection:
    """A section reduced to the column values it is stored as (source maps compacted)."""

    kind: str
    heads: dict[str, tuple[str, str] | None]
    paragraphs: list[tuple[str, str, int, int]]


def to_rows(parsed: ParsedPage) -> list[StoredSection]:
    """The parser's sections as rows, ready to insert (small enough to keep for many pages)."""
    rows = []
    for section in parsed.sections:
        heads: dict[str, tuple[str, str] | None] = {}
        for name in HEAD_COLUMNS:
            value = getattr(section, name)
            heads[name] = None if value is None else (value.text, sourcemap.encode(value.source))
        paragraphs = []
        for paragraph in section.paragraphs:
            start, end = paragraph.raw_span() or (0, 0)
            paragraphs.append((paragraph.text, sourcemap.encode(paragraph.source), start, end))
        rows.append(StoredSection(section.kind, heads, paragraphs))
    return rows


def insert(page_id: int, rows: list[StoredSection]) -> list[int]:
    """Insert a page's sections and paragraphs (inside the caller's transaction); return section ids."""
    section_ids = []
    paragraph_rows: list[dict[str, object]] = []
    for ordinal, row in enumerate(rows):
        values: dict[str, object] = {"page": page_id, "ordinal": ordinal, "kind": row.kind}
        for head, stored in row.heads.items():
            if stored is not None:
                values[head], values[f"{head}_map"] = stored
        section_id = int(SectionRow.insert(**values).execute())
        section_ids.append(section_id)
        for p_ordinal, (text, stored_map, start, end) in enumerate(row.paragraphs):
            paragraph_rows.append(
                {
                    "section": section_id,
                    "ordinal": p_ordinal,
                    "text": text,
                    "source_map": stored_map,
                    "raw_start": start,
                    "raw_end": end,
                }
            )
    for chunk in range(0, len(paragraph_rows), _BATCH):
        Paragraph.insert_many(paragraph_rows[chunk : chunk + _BATCH]).execute()
    return section_ids


def delete(page_id: int) -> None:
    """Remove a page's sections (their paragraphs and index entries go with them)."""
    SectionRow.delete().where(SectionRow.page == page_id).execute()


def load(page_id: int) -> tuple[list[Section], list[int]]:
    """A page's sections as the parser made them, and their database ids, in reading order."""
    section_rows = list(
        SectionRow.select().where(SectionRow.page == page_id).order_by(SectionRow.ordinal).dicts()
    )
    paragraphs: dict[int, list[MappedText]] = {row["id"]: [] for row in section_rows}
    query = (
        Paragraph.select(Paragraph.section, Paragraph.text, Paragraph.source_map)
        .join(SectionRow)
        .where(SectionRow.page == page_id)
        .order_by(SectionRow.ordinal, Paragraph.ordinal)
        .tuples()
    )
    for section_id, text, stored in query:
        paragraphs[section_id].append(MappedText(text, sourcemap.decode(stored)))
    sections = []
    for row in section_rows:
        section = Section(kind=row["kind"], paragraphs=paragraphs[row["id"]])
        for name in HEAD_COLUMNS:
            if row[name] is not None:
                setattr(section, name, MappedText(row[name], sourcemap.decode(row[f"{name}_map"])))
        sections.append(section)
    return sections, [row["id"] for row in section_rows]
