"""Helpers for the GUI tests: hand-built pages whose source maps are known exactly."""

from __future__ import annotations

from models.section import ParsedPage, Section
from models.text import MappedText


class Locator:
    """Finds pieces of a raw text in order and turns them into MappedText."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pos = 0

    def text(self, *pieces: str) -> MappedText:
        """The pieces, each found after the previous one in the raw text, joined without separators."""
        parts = []
        for piece in pieces:
            start = self.raw.index(piece, self.pos)
            parts.append(MappedText.from_raw(self.raw, start, start + len(piece)))
            self.pos = start + len(piece)
        return MappedText.join(parts)


def raw_lines_of(raw: str, text: MappedText) -> list[int]:
    """The raw line numbers that hold the text's characters (counted independently of ui/)."""
    return sorted({raw.count("\n", 0, offset) for offset in text.source})


RAW_THREE = (
    "人民日报\n"
    "\n"
    "春耕备耕有序推进\n"
    "本报北京2月12日电 记者\n"
    "王浩报道 各地抓紧春耕\n"
    "备耕，农资供应充足。\n"
    "\n"
    "第二段农机检修正在进\n"
    "行，春耕人员到位。\n"
    "\n"
    "科技助力复工复产\n"
    "多家企业用上远程办公\n"
    "系统，复工率稳步提高。\n"
    "\n"
    "图为农民在田间劳作。 新华社记者 摄\n"
)


def three_section_page() -> ParsedPage:
    """A masthead, two articles (one with two paragraphs) and a caption, mapped by hand."""
    raw = RAW_THREE
    at = Locator(raw)
    masthead = Section(kind="masthead", heading=at.text("人民日报"))
    first = Section(
        kind="article",
        heading=at.text("春耕备耕有序推进"),
        paragraphs=[
            at.text("本报北京2月12日电 记者", "王浩报道 各地抓紧春耕", "备耕，农资供应充足。"),
            at.text("第二段农机检修正在进", "行，春耕人员到位。"),
        ],
    )
    second = Section(
        kind="article",
        heading=at.text("科技助力复工复产"),
        paragraphs=[at.text("多家企业用上远程办公", "系统，复工率稳步提高。")],
    )
    caption = Section(kind="caption", paragraphs=[at.text("图为农民在田间劳作。 新华社记者 摄")])
    return ParsedPage(raw=raw, sections=[masthead, first, second, caption])
