"""A page's structure as the parser finds it: sections in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.text import MappedText

SECTION_KINDS = ("masthead", "article", "caption", "other")
#: Title-like fields of a section, in the order they are printed above its body.
HEAD_FIELDS = ("kicker", "heading", "subheading", "byline")


@dataclass
class Section:
    """One unit of a page: a masthead, an article, a photo caption.

    Every field is a MappedText whose characters point back into the raw text.
    """

    kind: str = "article"
    kicker: MappedText | None = None
    heading: MappedText | None = None
    subheading: MappedText | None = None
    byline: MappedText | None = None
    paragraphs: list[MappedText] = field(default_factory=list)

    def field_text(self, name: str) -> str | None:
        value = getattr(self, name)
        return None if value is None else value.text

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON shape: plain strings, null for an absent field."""
        out: dict[str, object] = {"kind": self.kind}
        for name in HEAD_FIELDS:
            out[name] = self.field_text(name)
        out["paragraphs"] = [p.text for p in self.paragraphs]
        return out

    def all_texts(self) -> list[MappedText]:
        parts = [getattr(self, name) for name in HEAD_FIELDS]
        return [p for p in parts if p is not None] + list(self.paragraphs)

    @property
    def title(self) -> str:
        """A short name for lists and outlines."""
        for name in ("heading", "kicker", "subheading", "byline"):
            value = self.field_text(name)
            if value:
                return value
        if self.paragraphs:
            return self.paragraphs[0].text[:16] + ("…" if len(self.paragraphs[0].text) > 16 else "")
        return self.kind


@dataclass
class ParsedPage:
    """The raw text of a page and the sections parsed from it."""

    raw: str
    sections: list[Section] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"sections": [s.to_json() for s in self.sections]}
