"""Pinyin above every character: room for it in the page's typography.

Qt's rich text has no ``<ruby>``, so the columns keep their plain text and this style
only makes room: a band above every line (line distance plus the block's top margin)
and a little letter spacing so a syllable fits over its character. The syllables are
painted into the band by ``ui.language.column_overlay``.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat

from ui.reader.page_style import PageStyle

#: The pinyin's size relative to the characters it stands over.
RUBY_SCALE = 0.48
#: Extra room between characters, in ems, so most syllables fit over their character.
LETTER_SPACING = 0.32


class RubyPageStyle(PageStyle):
    """A page style with a pinyin band over every line."""

    ruby = True

    def ruby_font(self, part: str) -> QFont:
        base = self.font(part)
        font = QFont(self.sans_family) if self.sans_family else QFont()
        font.setPointSizeF(max(5.0, base.pointSizeF() * RUBY_SCALE))
        return font

    def ruby_height(self, part: str) -> float:
        return QFontMetricsF(self.ruby_font(part)).height()

    def _part_em(self, part: str) -> float:
        return QFontMetricsF(self.font(part)).horizontalAdvance("中")

    def letter_spacing(self, part: str) -> float:
        """The room added after each character, in pixels."""
        return self._part_em(part) * LETTER_SPACING

    def top_room(self, part: str) -> float:
        """Room above a column's first line (Qt ignores the first block's top margin)."""
        return self.ruby_height(part) * 1.05

    def block_format(self, part: str) -> QTextBlockFormat:
        fmt = super().block_format(part)
        band = self.ruby_height(part) * 1.05
        leading = self._part_em(part) * max(0.1, self.layout.line_spacing - 1.0) * 0.5
        fmt.setLineHeight(band + leading, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        fmt.setTopMargin(fmt.topMargin() + band)
        return fmt

    def char_format(self, part: str) -> QTextCharFormat:
        fmt = super().char_format(part)
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(self.letter_spacing(part))
        return fmt

    def column_width(self) -> int:
        scrollbar = 12
        return int(
            self.layout.column_chars * self.em * (1 + LETTER_SPACING) + 2 * self.margin + scrollbar + 4
        )


def with_ruby(style: PageStyle, shown: bool) -> PageStyle:
    """``style`` as it is, or with room for pinyin above the characters."""
    if not shown:
        return style
    return RubyPageStyle(style.layout, style.colours, style.family, style.sans_family)
