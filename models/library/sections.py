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


def insert_statement(model: type, fields: list) -> str:
    """peewee's one-row INSERT of ``fields`` into ``model``'s table, its values left as parameters:
    run with ``executemany`` over many rows (building SQL per value is most of a bulk insert's time)."""
    from models.library import binding

    # Keyed on the engine in use (the models are bound to a router: its type says nothing).
    key = (model, type(binding.current()), tuple(field.name for field in fields))
    if key not in _STATEMENTS:
        _STATEMENTS[key] = model.insert({field: None for field in fields}).sql()[0]
    return _STATEMENTS[key]


_STATEMENTS: dict[tuple, str] = {}


_SECTION_FIELDS = [
    SectionRow.page,
    SectionRow.ordinal,
    SectionRow.kind,
    *(getattr(SectionRow, name) for head in HEAD_COLUMNS for name in (head, f"{head}_map")),
]
_PARAGRAPH_FIELDS = [
    Paragraph.section,
    Paragraph.ordinal,
    Paragraph.text,
    Paragraph.source_map,
    Paragraph.raw_start,
    Paragraph.raw_end,
]


def insert_many(page_id: int, rows: list[StoredSection]) -> list[int]:
    """Insert a new page's sections and paragraphs set-based: one batch of section rows, one query
    for their ids, one batch of paragraph rows (inside the caller's transaction)."""
    if not rows:
        return []
    database = SectionRow._meta.database
    cursor = database.cursor()
    section_rows = []
    for ordinal, row in enumerate(rows):
        values: list[object] = [page_id, ordinal, row.kind]
        for head in HEAD_COLUMNS:
            stored = row.heads.get(head)
            values.extend(stored if stored is not None else (None, None))
        section_rows.append(values)
    cursor.executemany(insert_statement(SectionRow, _SECTION_FIELDS), section_rows)
    ids = dict(
        SectionRow.select(SectionRow.ordinal, SectionRow.id).where(SectionRow.page == page_id).tuples()
    )
    section_ids = [ids[ordinal] for ordinal in range(len(rows))]
    paragraph_rows = [
        (section_id, p_ordinal, text, stored_map, start, end)
        for section_id, row in zip(section_ids, rows, strict=True)
        for p_ordinal, (text, stored_map, start, end) in enumerate(row.paragraphs)
    ]
    if paragraph_rows:
        cursor.executemany(insert_statement(Paragraph, _PARAGRAPH_FIELDS), paragraph_rows)
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
