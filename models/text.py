"""Text that remembers where each of its characters came from in the raw OCR text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class MappedText:
    """A string plus, for every code point of it, its offset in the page's raw text.

    Characters that the parser produces rather than copies (the single space that joins
    two Latin words across a line break) map to the raw character they replace (the
    line break), so every offset is a valid index into the raw text.
    """

    text: str = ""
    source: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.source):
            raise ValueError("MappedText needs one source offset per character")

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    @classmethod
    def from_raw(cls, raw: str, start: int, end: int) -> MappedText:
        return cls(raw[start:end], list(range(start, end)))

    @classmethod
    def join(cls, parts: Iterable[MappedText]) -> MappedText:
        text: list[str] = []
        source: list[int] = []
        for part in parts:
            text.append(part.text)
            source.extend(part.source)
        return cls("".join(text), source)

    def slice(self, start: int, end: int | None = None) -> MappedText:
        return MappedText(self.text[start:end], self.source[start:end])

    def strip(self) -> MappedText:
        """Drop leading and trailing white space, keeping the map aligned."""
        start, end = 0, len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.slice(start, end)

    def raw_span(self) -> tuple[int, int] | None:
        """The half-open range of raw offsets this text was taken from."""
        if not self.source:
            return None
        return min(self.source), max(self.source) + 1
