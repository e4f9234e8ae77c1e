"""Painting a column's highlights in their categories' colours (light or dark theme).

Highlights are painted into the column's document as character backgrounds, so the current
paragraph tint and find hits (extra selections) stay on top. Where highlights overlap, the
innermost (shortest) one gives the colour and the stretch is underlined, so nesting shows.
Painting again after the column re-renders (zoom, theme, layout) happens by itself: the
painter watches the document and repaints once the column has finished setting its text.
A column the page keeps hidden until it scrolls into view is painted when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor

from models.annotations.records import CategoryInfo, HighlightInfo
from ui.annotations.highlight_positions import SectionPositions
from ui.reader.section_view import SectionColumn


def segments(highlights: Sequence[HighlightInfo]) -> list[tuple[int, int, list[HighlightInfo]]]:
    """Split overlapping spans into stretches with the highlights covering each (innermost first)."""
    if not highlights:
        return []
    cuts = sorted({h.start for h in highlights} | {h.end for h in highlights})
    place = {cut: n for n, cut in enumerate(cuts)}
    starting: list[list[HighlightInfo]] = [[] for _ in cuts]
    for h in highlights:
        starting[place[h.start]].append(h)
    out = []
    active: list[HighlightInfo] = []
    for n in range(len(cuts) - 1):
        start, end = cuts[n], cuts[n + 1]
        active = [h for h in active if h.end > start] + starting[n]
        if active:
            out.append((start, end, sorted(active, key=lambda h: (h.end - h.start, -h.id))))
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
        #: painting was put off while the column was hidden (done when it is shown)
        self._stale = False
        #: what the document shows now: span -> (background, underline colour)
        self._painted: dict[tuple[int, int], tuple[str, str | None]] = {}
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.paint)
        # Watched as it is: a column out of view gets its text when first shown (or read), and
        # that text's arrival (contentsChanged) has it painted then; asking document() here
        # would set the text of every hidden column of the page at once (issue 11).
        column.document_as_is().contentsChanged.connect(self._document_changed)
        column.destroyed.connect(self._again.stop)
        column.installEventFilter(self)

    def detach(self) -> None:
        """Stop painting (the column is going, or another painter takes over)."""
        self._again.stop()
        self._stale = False
        try:
            self.column.removeEventFilter(self)
            self.column.document_as_is().contentsChanged.disconnect(self._document_changed)
        except (RuntimeError, TypeError):
            pass  # the column (and its document) is already gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._stale and event.type() == QEvent.Type.Show:
            self.paint()
        return False

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
            self._painted = {}
            self._again.start()

    def wanted(self) -> dict[tuple[int, int], tuple[str, str | None]]:
        """Document span -> (background, underline colour or None) for every painted stretch."""
        positions = SectionPositions(self.column)
        out: dict[tuple[int, int], tuple[str, str | None]] = {}
        for start, end, covering in segments(self.highlights):
            category = self.categories.get(covering[0].category_id)
            if category is None:
                continue
            underline = None
            if len(covering) > 1:  # nested or overlapping: underline in the outer one's colour
                outer = self.categories.get(covering[-1].category_id, category)
                underline = outer.colour(self.dark)
            out[positions.span_to_document(start, end)] = (category.colour(self.dark), underline)
        return out

    def paint(self) -> None:
        """Bring the document's highlight formats up to date, touching only stretches that changed.

        Formatting a stretch re-lays its paragraph out, so a new highlight costs one or two
        stretches, not the whole column. A hidden column is painted once shown.
        """
        if self.column.isHidden():
            self._stale = True  # out of view: painted when the page shows the column
            return
        self._paint_now()

    def _paint_now(self) -> None:
        self._stale = False
        if self.is_dark is not None:
            self.dark = self.is_dark()
        wanted = self.wanted()
        if wanted == self._painted:
            return  # the document shows them already (the page shown again, this column as it was)
        cursor = QTextCursor(self.column.document())
        self._painting = True
        # One edit block: the document lays out the changed paragraphs once, not per stretch.
        cursor.beginEditBlock()
        try:
            gone = [span for span, look in self._painted.items() if wanted.get(span) != look]
            if gone:
                plain = QTextCharFormat()
                plain.setBackground(QBrush(Qt.BrushStyle.NoBrush))
                plain.setFontUnderline(False)
                for start, end in gone:
                    self._format(cursor, start, end, plain)
            formats: dict[tuple[str, str | None], QTextCharFormat] = {}  # one a look, not one a stretch
            for span, look in wanted.items():
                if self._painted.get(span) == look and span not in gone:
                    continue
                fmt = formats.get(look)
                if fmt is None:
                    fmt = formats[look] = QTextCharFormat()
                    fmt.setBackground(QColor(look[0]))
                    fmt.setFontUnderline(look[1] is not None)
                    if look[1] is not None:
                        fmt.setUnderlineColor(QColor(look[1]))
                self._format(cursor, *span, fmt)
            self._painted = wanted
        finally:
            cursor.endEditBlock()
            self._painting = False

    @staticmethod
    def _format(cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def at(self, offset: int) -> list[HighlightInfo]:
        """Highlights covering section offset ``offset``, innermost first."""
        hits = [h for h in self.highlights if h.start <= offset < h.end]
        return sorted(hits, key=lambda h: (h.end - h.start, -h.id))

    def background_at(self, offset: int) -> str | None:
        """The colour painted at a section offset (for tests and accessibility), or None."""
        if self._stale:
            self._paint_now()
        cursor = QTextCursor(self.column.document())
        cursor.setPosition(SectionPositions(self.column).to_document(offset) + 1)
        brush = cursor.charFormat().background()
        return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color().name()
