"""The page's typography: fonts and formats for each part of a section.

Every format is built here so that the column widget only inserts plain text
with them; no string from a page is ever parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat

from ui.common.settings import ReaderLayout
from ui.common.theme import ReaderColours

#: How big each part of a section is set, relative to the body size.
SCALE = {
    "masthead": 2.3,
    "kicker": 0.92,
    "heading": 1.45,
    "subheading": 1.08,
    "byline": 0.88,
    "caption": 0.88,
    "paragraph": 1.0,
}


@dataclass
class PageStyle:
    """Fonts, sizes and colours for one rendering of a page."""

    layout: ReaderLayout
    colours: ReaderColours
    family: str  # resolved body family (may be empty: Qt's default)
    sans_family: str = ""

    def __post_init__(self) -> None:
        self._fonts: dict[str, QFont] = {}
        self._formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._em: float | None = None

    def formats(self, part: str) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """The block and character formats of a part, made once per style."""
        if part not in self._formats:
            self._formats[part] = (self.block_format(part), self.char_format(part))
        return self._formats[part]

    def font(self, part: str) -> QFont:
        if part not in self._fonts:
            self._fonts[part] = self._make_font(part)
        return QFont(self._fonts[part])

    def _make_font(self, part: str) -> QFont:
        font = QFont(self.sans_family if part in ("byline", "caption") and self.sans_family else self.family)
        if not self.family:
            font = QFont()
        font.setPointSizeF(self.layout.font_size * SCALE.get(part, 1.0))
        if part in ("masthead", "heading"):
            font.setWeight(QFont.Weight.Bold)
        elif part in ("subheading", "kicker"):
            font.setWeight(QFont.Weight.DemiBold if part == "subheading" else QFont.Weight.Medium)
        return font

    @property
    def em(self) -> float:
        """The advance of one CJK character in the body font, in pixels."""
        if self._em is None:
            self._em = QFontMetricsF(self.font("paragraph")).horizontalAdvance("中")
        return self._em

    @property
    def margin(self) -> float:
        return max(6.0, round(self.em * 0.6))

    def column_width(self) -> int:
        """Pixel width of a column holding ``column_chars`` body characters per line."""
        scrollbar = 12
        return int(self.layout.column_chars * self.em + 2 * self.margin + scrollbar + 4)

    def char_format(self, part: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(self.font(part))
        colour = {
            "masthead": self.colours.masthead,
            "kicker": self.colours.kicker,
            "heading": self.colours.heading,
            "subheading": self.colours.heading,
            "byline": self.colours.byline,
            "caption": self.colours.caption,
        }.get(part, self.colours.ink)
        fmt.setForeground(QColor(colour))
        return fmt

    def block_format(self, part: str) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        em = QFontMetricsF(self.font(part)).horizontalAdvance("中")
        spacing = self.layout.line_spacing
        if part == "paragraph":
            fmt.setTextIndent(2 * em)  # the two-character indent of Chinese typesetting
            fmt.setTopMargin(em * 0.25)
        elif part == "caption":
            fmt.setTopMargin(em * 0.3)
            spacing = max(1.2, spacing - 0.2)
        elif part in ("masthead", "heading", "kicker", "subheading"):
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            spacing = max(1.15, spacing - 0.35)
            fmt.setBottomMargin(em * (0.45 if part in ("heading", "masthead") else 0.2))
            if part == "kicker":
                fmt.setTopMargin(em * 0.1)
        elif part == "byline":
            fmt.setBottomMargin(em * 0.4)
        fmt.setLineHeight(spacing * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt
