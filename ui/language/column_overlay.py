"""What the language layer draws over a column: the word outline and pinyin above characters.

A transparent child of the column's viewport that lets every mouse event through, so the
column keeps its own selection, hovering and scrolling; it paints from the column's
layout each time, so zoom, theme or column-width changes need nothing from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui.language.ruby_style import RubyPageStyle
from ui.language.tone_colours import tone_colour
from ui.language.word_geometry import char_boxes, span_rects
from ui.reader.section_view import SectionColumn

if TYPE_CHECKING:
    from models.glossary.text_words import TextWords

#: (block, code-point offsets of the word's characters)
WordSpan = tuple[int, list[int]]


class ColumnOverlay(QWidget):
    """Paints over one column: hovered word, word cursor, and (in ruby mode) the pinyin band."""

    def __init__(self, column: SectionColumn) -> None:
        super().__init__(column.viewport())
        self.column = column
        self.texts: list[TextWords] | None = None
        self.hovered: WordSpan | None = None
        self.cursor: WordSpan | None = None
        self.scheme = "standard"
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # No event filter of its own: a Python filter on the viewport would be called while the
        # column is being destroyed (after a page change) and crash; the controller resizes it.
        self.setGeometry(column.viewport().rect())
        column.verticalScrollBar().valueChanged.connect(self.update)
        self.show()

    @property
    def ruby(self) -> bool:
        return isinstance(self.column.style_, RubyPageStyle)

    def set_hovered(self, span: WordSpan | None) -> None:
        if span != self.hovered:
            self.hovered = span
            self.update()

    def set_cursor(self, span: WordSpan | None) -> None:
        if span != self.cursor:
            self.cursor = span
            self.update()

    def ruby_readings(self, block: int) -> list[tuple[int, str]]:
        """(offset, syllable) of each character painted with pinyin above it in a block."""
        if not self.ruby or self.texts is None or block >= len(self.texts):
            return []
        return [(i, r) for i, r in enumerate(self.texts[block].readings) if r]

    # --- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.column.style_.colours
        if self.ruby and self.texts is not None:
            self._paint_ruby(painter, event.rect(), colours.ink, colours.dark)
        for span, solid in ((self.hovered, False), (self.cursor, True)):
            if span is None or span[0] >= len(self.column.blocks):
                continue
            pen = QPen(QColor(colours.masthead if solid else colours.byline))
            pen.setWidthF(1.6 if solid else 1.0)
            if not solid:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in span_rects(self.column, span[0], span[1]):
                painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        painter.end()

    def _paint_ruby(self, painter: QPainter, area, ink: str, dark: bool) -> None:
        style = self.column.style_
        assert isinstance(style, RubyPageStyle)
        top = self.column.verticalScrollBar().value()
        height = self.height()
        doc = self.column.document()
        layout = doc.documentLayout()
        for number, ref in enumerate(self.column.blocks):
            if number >= len(self.texts or []):
                break
            rect = layout.blockBoundingRect(doc.findBlockByNumber(number))
            if rect.bottom() < top or rect.top() > top + height:
                continue
            font = style.ruby_font(ref.part)
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            readings = self.ruby_readings(number)
            boxes = char_boxes(self.column, number, [i for i, _ in readings])
            for (_offset, syllable), box in zip(readings, boxes):
                if box.isNull() or box.bottom() < 0 or box.top() > height + metrics.height():
                    continue
                width = metrics.horizontalAdvance(syllable)
                # The box ends with the letter spacing: centre over the glyph itself.
                centre = box.left() + (box.width() - style.letter_spacing(ref.part)) / 2
                band = QRectF(
                    centre - box.width() / 2,
                    box.top() - metrics.height() * 1.02,
                    box.width(),
                    metrics.height(),
                )
                colour = tone_colour(syllable, self.scheme, dark) or ink
                painter.setPen(QColor(colour))
                if width > band.width():
                    # A long syllable (zhuàng) squeezes sideways rather than run into its neighbours.
                    painter.save()
                    scale = band.width() / width
                    painter.translate(band.left(), band.top())
                    painter.scale(scale, 1.0)
                    painter.drawText(
                        QRectF(0, 0, width, band.height()), Qt.AlignmentFlag.AlignCenter, syllable
                    )
                    painter.restore()
                else:
                    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, syllable)
