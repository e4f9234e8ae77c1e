"""A caret that follows a raw character when the page is shown again after a structure edit.

A paragraph made a byline or a heading moves to its article's head: a caret kept as (section,
offset) would land in whatever paragraph then stands there; kept beside the raw character
that starts its paragraph, it stays in the paragraph the editor changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.reader.section_view import SectionColumn


@dataclass(frozen=True)
class RawCaret:
    """A caret kept beside a raw character: ``after`` characters past the one at ``raw``."""

    raw: int
    after: int = 0

    @staticmethod
    def at(column: SectionColumn, offset: int) -> RawCaret | None:
        """The caret at section ``offset`` of a column, as the start of its block's raw text plus
        how far into the block it stands (None where the block has no raw character)."""
        start = 0
        for ref in column.blocks:
            end = start + len(ref.text.text)
            if start <= offset <= end:
                return RawCaret(ref.text.source[0], offset - start) if ref.text.source else None
            start = end + 1
        return None

    def resolve(self, columns: list[SectionColumn]) -> tuple[int, int] | None:
        """(section, offset) of the caret on the page as shown now; None if the character is gone."""
        for number, column in enumerate(columns):
            start = 0
            for ref in column.blocks:
                if ref.text.source and ref.text.source[0] == self.raw:
                    return number, start + min(self.after, len(ref.text.text))
                start += len(ref.text.text) + 1
        return None
