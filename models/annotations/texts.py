"""A section's text: what highlight offsets count in.

A section is shown as one block per non-empty head field (kicker, heading, subheading, byline)
and per non-empty paragraph, in that order (``ui.reader.section_view.section_blocks``). Its text for
annotations is those blocks joined by one line break, so a code-point offset here is the same
as a position in the column's document before UTF-16 conversion.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.page_file import text_hash
from models.section import HEAD_FIELDS, Section

#: Between two blocks of a section (one position, like a QTextDocument block break).
BLOCK_BREAK = "\n"


def section_blocks(section: Section) -> list[str]:
    """The texts of a section's blocks in printing order, empty ones left out."""
    blocks = []
    for name in HEAD_FIELDS:
        value = getattr(section, name)
        if value is not None and value.text:
            blocks.append(value.text)
    blocks.extend(p.text for p in section.paragraphs if p.text)
    return blocks


def section_text(section: Section) -> str:
    """The text highlight offsets count in: the section's blocks joined by line breaks."""
    return BLOCK_BREAK.join(section_blocks(section))


def section_hashes(texts: Sequence[str]) -> list[str]:
    return [text_hash(t) for t in texts]
