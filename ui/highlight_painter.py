"""Painting a column's highlights in their categories' colours (light or dark theme).

Highlights are painted into the column's document as character backgrounds, so the current
paragraph tint and find hits (extra selections) stay on top. Where highlights overlap, the
innermost (shortest) one gives the colour and the stretch is underlined, so nesting shows.
Painting again after the column re-renders (zoom, theme, layout) happens by itself: the
painter watches the document and repaints once the column has finished setting its text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor

from models.annotations.records import CategoryInfo, HighlightInfo
from ui.highlight_positions import SectionPositions
from ui.section_view import SectionColumn


def segments(highlights: Sequence[HighlightInfo]) -> list[tuple[int, int, list[HighlightInfo]]]:
    """Split overlapping spans into stretches with the highlights covering each (innermost first)."""
    cuts = sorted({h.start for h in highlights} | {h.end for h in highlights})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [h for h in highlights if h.start <= start and end <= h.end]
        if covering:
            covering.sort(key=lambda h: (h.end - h.start, -h.id))
            out.append((start, end, covering))
    return out


class HighlightPainter(QObject):
    """Keeps one column's highlights painted."""

    def __init__(self, column: SectionColumn) -> None:
        super().__init__(column)
        self.column = column
        self.highlights: list[HighlightInfo] = []
        self.categories: dict[int, CategoryInfo] = {}
        self.dark = False
        #: asked at each paint when set (the window's theme can change under a painted page)
        self.is_dark: Callable[[], bool] | None = None
        self._painting = False
        self._painted: list[tuple[int, int]] = []
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.paint)
        column.document().contentsChanged.connect(self._document_changed)
        column.destroyed.connect(self._again.stop)

    def set_highlights(
        self, highlights: Sequence[HighlightInfo], categories: dict[int, CategoryInfo], dark: bool
    ) -> None:
        self.highlights = [h for h in highlights if h.anchored]
        self.categories = categories
        self.dark = dark
        self.paint()

    def _document_changed(self) -> None:
        if not self._painting:
            # The column set its text again (a restyle): our formats went with the old text.
            self._painted = []
            self._again.start()

    def paint(self) -> None:
        """Clear what was painted and paint the current highlights."""
        if self.is_dark is not None:
            self.dark = self.is_dark()
        doc = self.column.document()
        positions = SectionPositions(self.column)
        self._painting = True
        try:
            plain = QTextCharFormat()
            plain.setBackground(QBrush(Qt.BrushStyle.NoBrush))
            plain.setFontUnderline(False)
            for start, end in self._painted:
                self._format(doc, start, end, plain)
            self._painted = []
            for start, end, covering in segments(self.highlights):
                category = self.categories.get(covering[0].category_id)
                if category is None:
                    continue
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(category.colour(self.dark)))
                if len(covering) > 1:
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineColor(
                        QColor(self.categories.get(covering[-1].category_id, category).colour(self.dark))
                    )
                span = positions.span_to_document(start, end)
                self._format(doc, *span, fmt)
                self._painted.append(span)
        finally:
            self._painting = False

    @staticmethod
    def _format(doc, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def at(self, offset: int) -> list[HighlightInfo]:
        """Highlights covering section offset ``offset``, innermost first."""
        hits = [h for h in self.highlights if h.start <= offset < h.end]
        return sorted(hits, key=lambda h: (h.end - h.start, -h.id))

    def background_at(self, offset: int) -> str | None:
        """The colour painted at a section offset (for tests and accessibility), or None."""
        cursor = QTextCursor(self.column.document())
        cursor.setPosition(SectionPositions(self.column).to_document(offset) + 1)
        brush = cursor.charFormat().background()
        return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color().name()
