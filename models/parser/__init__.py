"""Parse an OCR'd page's raw text into sections in reading order."""

from __future__ import annotations

from models.section import ParsedPage, Section
from models.text import MappedText


def parse_page(raw: str) -> ParsedPage:
    """Placeholder: one article per blank-line block (replaced by the real parser)."""
    sections: list[Section] = []
    start = 0
    for block in raw.split("\n\n"):
        text = MappedText.from_raw(raw, start, start + len(block))
        start += len(block) + 2
        kept = [(c, o) for c, o in zip(text.text, text.source) if not c.isspace()]
        if kept:
            para = MappedText("".join(c for c, _ in kept), [o for _, o in kept])
            sections.append(Section(paragraphs=[para]))
    return ParsedPage(raw=raw, sections=sections)
