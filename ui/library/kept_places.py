"""The reader's place kept on the same words when a colleague's change is shown (issue 13).

Before the page is read again for a colleague's correction or structure edit, the caret, the
other end of the selection and each column's first visible character are taken as section
offsets of the page as it was shown; after, they are followed to the same words
(:func:`models.proofreading.places.follow_places`: by the raw characters beside them, else by
the highlights' quote anchoring) and put back: the caret and selection on those words, and the
column now holding each column's first visible words scrolled so that they stand where they
stood in the viewport (a section split off or joined moves words to another column).
A place that cannot be followed keeps its old offset (inside the section) or scroll value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint

from ui.annotations.highlight_positions import SectionPositions


@dataclass
class _Column:
    number: int
    scroll: int
    #: the first visible character (section offset) and its top in the viewport (pixels)
    top: int
    top_y: int


@dataclass
class ReaderPlace:
    """Where the reader was on the page shown, in section offsets of that page's layout."""

    layout: Any
    columns: list[_Column]
    strip: int
    caret: tuple[int, int] | None
    anchor: int | None
    focused: bool

    @staticmethod
    def take(window: Any) -> ReaderPlace | None:
        """The reader's place on the page the window shows (None: no library page shown)."""
        from models.proofreading.layout import layout_of

        content = getattr(window, "page_content", None)
        view = window.page_view
        if content is None or not view.columns:
            return None
        columns = []
        for column in view.columns:
            positions = SectionPositions(column)
            cursor = column.cursorForPosition(QPoint(0, 0))
            top = positions.to_section(cursor.position())
            columns.append(
                _Column(
                    column.number, column.verticalScrollBar().value(), top, column.cursorRect(cursor).top()
                )
            )
        active = view.active_column()
        caret = anchor = None
        if active is not None:
            cursor = active.textCursor()
            positions = SectionPositions(active)
            caret = (active.number, positions.to_section(cursor.position()))
            anchor = positions.to_section(cursor.anchor()) if cursor.hasSelection() else None
        return ReaderPlace(
            layout_of(content),
            columns,
            view.scroll.horizontalScrollBar().value(),
            caret,
            anchor,
            active is not None and active.hasFocus(),
        )

    def put(self, window: Any) -> bool:
        """Put the place back on the page now shown; False when no library page is shown."""
        from models.proofreading.layout import layout_of
        from models.proofreading.places import follow_places

        content = getattr(window, "page_content", None)
        view = window.page_view
        if content is None or not view.columns:
            return False
        wanted = [(c.number, c.top) for c in self.columns]
        if self.caret is not None:
            wanted.append(self.caret)
            if self.anchor is not None:
                wanted.append((self.caret[0], self.anchor))
        found = follow_places(self.layout, layout_of(content), wanted)
        # The caret first (setting it may scroll its column), then each column's words in view.
        if self.caret is not None:
            caret = found[len(self.columns)] or self.caret
            anchor = found[len(self.columns) + 1] if self.anchor is not None else None
            if anchor is None and self.anchor is not None:
                anchor = (self.caret[0], self.anchor)
            self._put_caret(view, caret, anchor)
        # Each column's words go back where they stood in the viewport, in the column that holds
        # them now: a colleague's split or join moves a section's text to another column and
        # shifts the columns after it. A column keeps its old scroll only where its words cannot
        # be followed; a column two kept columns now share shows the first one's words.
        placed: set[int] = set()
        for kept, now in zip(self.columns, found, strict=False):
            if now is None or not 0 <= now[0] < len(view.columns) or now[0] in placed:
                continue
            placed.add(now[0])
            column = view.laid_out_column(now[0])
            bar = column.verticalScrollBar()
            if kept.scroll == 0 and now[0] == kept.number:
                bar.setValue(0)  # at the top, as it was
                continue
            bar.setValue(kept.scroll if now[0] == kept.number else 0)
            cursor = column.textCursor()
            cursor.setPosition(SectionPositions(column).to_document(now[1]))
            bar.setValue(bar.value() + column.cursorRect(cursor).top() - kept.top_y)
        for kept, now in zip(self.columns, found, strict=False):
            if now is None and kept.number < len(view.columns) and kept.number not in placed:
                view.columns[kept.number].verticalScrollBar().setValue(kept.scroll)
        view.scroll.horizontalScrollBar().setValue(self.strip)
        return True

    def _put_caret(self, view: Any, caret: tuple[int, int], anchor: tuple[int, int] | None) -> None:
        number = max(0, min(caret[0], len(view.columns) - 1))
        target = view.columns[number]
        view.focus_column(number, take_focus=self.focused)
        positions = SectionPositions(target)
        last = max(0, target.document().characterCount() - 1)
        cursor = target.textCursor()
        if anchor is not None and anchor[0] == number:
            cursor.setPosition(min(positions.to_document(anchor[1]), last))
            cursor.setPosition(min(positions.to_document(caret[1]), last), cursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(min(positions.to_document(caret[1]), last))
        target.setTextCursor(cursor)  # the words in view are put back after: no jump to the caret
