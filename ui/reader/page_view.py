"""A whole page: the masthead across the top, one column per section below it.

The columns sit side by side in reading order and the strip scrolls
horizontally, the way the eye moves across a printed page. Find in page and
the link to the raw text work on the columns' block maps.

Columns out of view are set (their text, blocks and formats are there) but kept hidden, their
room kept in the strip, until the strip scrolls them into view: Qt lays a column's text out
only once it is shown, and on a page of twenty columns that layout was most of the time
opening it took (issue 11). Whatever moves to a column (keys, find, the raw text's link, a
search hit) shows it first.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from models.section import ParsedPage
from ui.common.viewports import wrap_viewport
from ui.reader.page_style import PageStyle
from ui.reader.section_view import SectionColumn, section_blocks


class Hit(NamedTuple):
    """One find-in-page match: the column and block, and its code-point span in that block."""

    column: int
    block: int
    start: int
    end: int


class PageView(QWidget):
    """The reading view of one page."""

    #: the current paragraph moved: (column, block)
    paragraphChanged = Signal(int, int)
    #: the pointer is over (column, block); (-1, -1) when over none
    paragraphHovered = Signal(int, int)
    #: text was selected in a column: the raw offsets of the selected characters
    selectionMapped = Signal(list)
    #: find-in-page hits changed: each hit's raw offsets, and the index of the current one
    hitsMapped = Signal(list, int)
    #: Ctrl + wheel over a column
    zoomRequested = Signal(int)

    def __init__(self, style: PageStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_ = style
        self.page: ParsedPage | None = None
        self.columns: list[SectionColumn] = []
        #: the strip's widgets left to right: columns and the rules between them
        self._strip_widgets: list[QWidget] = []
        self.active = -1
        self._owners: dict[int, tuple[int, int]] | None = {}  # None: to be built again
        self._linked: tuple[int, int] = (-1, -1)
        self.hits: list[Hit] = []
        self.current_hit = -1
        self._query = ""
        #: where the pointer stood when the page was shown: a column's mouse move there is not
        #: the reader's (a window or column shown under a resting pointer)
        self.pointer_at_show: QPoint | None = None

        self.masthead = QWidget()
        self.masthead.setObjectName("masthead")
        self._masthead_layout = QVBoxLayout(self.masthead)
        self._masthead_layout.setContentsMargins(0, 0, 0, 0)
        self._masthead_layout.setSpacing(0)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # paper names come from pages and users
        self.details.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.details.setContentsMargins(8, 2, 8, 4)
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)

        self.strip = QWidget()
        self.strip.setObjectName("columns")
        self._strip_layout = QHBoxLayout(self.strip)
        self._strip_layout.setContentsMargins(6, 6, 6, 6)
        self._strip_layout.setSpacing(0)
        self.scroll = QScrollArea()
        wrap_viewport(self.scroll)
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.horizontalScrollBar().valueChanged.connect(self._reveal_in_view)
        self.scroll.horizontalScrollBar().rangeChanged.connect(lambda _low, _high: self._reveal_in_view())
        self.scroll.viewport().installEventFilter(self)

        self.placeholder = QLabel()
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setText(self.tr("Open a page with Ctrl+O, or drop page files or folders here."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.masthead)
        layout.addWidget(self.details)
        layout.addWidget(self.rule)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.placeholder, 1)
        self._show_placeholder(True)
        self._apply_paper()

    # --- showing a page ------------------------------------------------------------------------
    def show_page(self, page: ParsedPage) -> None:
        """Lay out a parsed page: one SectionColumn per section, mastheads on top."""
        self._clear()
        self.page = page
        self.pointer_at_show = QCursor.pos()
        for number, section in enumerate(page.sections):
            # Out of view at first (shown once in view by _reveal_in_view), its text set then.
            column = SectionColumn(section, number, self.style_, hidden=section.kind != "masthead")
            column.navigate.connect(lambda delta, at_end, n=number: self.focus_column(n + delta, at_end))
            column.currentBlockChanged.connect(lambda block, n=number: self._on_current(n, block))
            column.hoveredBlock.connect(lambda block, n=number: self._on_hovered(n, block))
            column.selectionMapped.connect(self.selectionMapped)
            column.zoomRequested.connect(self.zoomRequested)
            self.columns.append(column)
            if column.is_masthead:
                self._masthead_layout.addWidget(column)
            else:
                if self._strip_layout.count():
                    rule = self._column_rule()
                    self._strip_widgets.append(rule)
                    self._strip_layout.addWidget(rule)
                policy = column.sizePolicy()
                policy.setRetainSizeWhenHidden(True)  # a hidden column keeps its room in the strip
                column.setSizePolicy(policy)
                self._strip_widgets.append(column)
                self._strip_layout.addWidget(column)
        self._strip_layout.addStretch(1)
        self.masthead.setVisible(any(c.is_masthead for c in self.columns))
        self._show_placeholder(not self.columns)
        if not self.columns:
            self.placeholder.setText(self.tr("No text was found on this page."))
        self.active = -1
        if self.columns:
            self._set_active(0)
        self.scroll.horizontalScrollBar().setValue(0)
        self._reveal_in_view()

    def update_sections(self, page: ParsedPage) -> bool:
        """Show a new reading of the same page in the columns already there (an edit).

        Only columns whose blocks changed are set again, so the others keep their scroll and
        caret. False, with nothing changed, when the page no longer fits the columns (a section
        added, removed or turned into a masthead): lay it out with ``show_page`` then.
        """
        if len(page.sections) != len(self.columns) or any(
            column.is_masthead != (section.kind == "masthead")
            for column, section in zip(self.columns, page.sections, strict=True)
        ):
            return False
        self.page = page
        kept_hit = self._current_hit_raw()  # taken while the hits still match the blocks
        for column, section in zip(self.columns, page.sections, strict=True):
            fresh = section_blocks(section)
            same = len(fresh) == len(column.blocks) and all(
                a.part == b.part and a.text.text == b.text.text and a.text.source == b.text.source
                for a, b in zip(fresh, column.blocks, strict=True)
            )
            column.section = section
            if not same:
                column.setAccessibleName(section.title)
                column.render(self.style_)
        self._owners = None
        if self._query:
            self.find(self._query, keep=True, at=kept_hit)
        return True

    def _clear(self) -> None:
        self.clear_find()
        for column in self.columns:
            # Hidden on purpose first: a column laid out on this turn of the event loop still has
            # the layout's queued show coming, which would show it unparented, as a window of its
            # own that takes the keyboard from the main window (typing did nothing until a click).
            column.hide()
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        self._strip_widgets = []
        self._owners = None
        self._linked = (-1, -1)
        while self._strip_layout.count():
            item = self._strip_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    # --- columns shown as they come into view ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._reveal_in_view)  # after the strip has taken the new size
        return False

    def _reveal_in_view(self, _value: int = 0, margin: int = 40) -> None:
        """Show the hidden columns that the strip's visible part (and a margin) reaches."""
        if not any(c.isHidden() and not c.is_masthead for c in self.columns):
            return
        # Places from the columns' fixed widths: the strip's own geometry may still be the last
        # page's until the layout has run.
        left = self.scroll.horizontalScrollBar().value() - margin
        right = left + self.scroll.viewport().width() + 2 * margin
        x = self._strip_layout.contentsMargins().left()
        spacing = max(0, self._strip_layout.spacing())
        # Our own list, not the layout's items: PySide may hand back a stale QLayoutItem wrapper.
        for widget in self._strip_widgets:
            width = (
                widget.maximumWidth() if widget.minimumWidth() == widget.maximumWidth() else widget.width()
            )
            if widget.isHidden() and x < right and x + width > left:
                widget.show()
            x += width + spacing

    def reveal_column(self, number: int) -> None:
        """Show a column now (something is about to move into it or ask its layout)."""
        if 0 <= number < len(self.columns) and self.columns[number].isHidden():
            self.columns[number].show()

    def laid_out_column(self, number: int) -> SectionColumn:
        """The column shown and laid out at its width now, so that it can scroll at once: a new
        column's layout (a page laid out afresh) otherwise waits for the event loop, its scroll
        range still empty."""
        self.reveal_column(number)
        self.scroll.widget().layout().activate()
        column = self.columns[number]
        column.document().documentLayout().documentSize()
        return column

    def _column_rule(self) -> QFrame:
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFixedWidth(9)
        rule.setObjectName("columnRule")
        return rule

    def _show_placeholder(self, shown: bool) -> None:
        self.placeholder.setVisible(shown)
        self.scroll.setVisible(not shown)
        self.rule.setVisible(not shown)
        self.details.setVisible(not shown and bool(self.details.text()))
        if shown:
            self.masthead.setVisible(False)

    def set_details(self, text: str) -> None:
        """The issue line under the masthead (paper · date · page); plain text."""
        self.details.setText(text)
        self.details.setVisible(bool(text) and bool(self.columns))

    def set_style(self, style: PageStyle) -> None:
        """Re-set every column with new fonts, sizes, spacing or colours."""
        self.style_ = style
        for column in self.columns:
            column.render(style)
        self._apply_paper()
        if self._query:
            self._mark_hits()

    def _apply_paper(self) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(self.style_.colours.paper))
        pal.setColor(QPalette.ColorRole.WindowText, QColor(self.style_.colours.byline))
        for widget in (self, self.strip, self.masthead, self.details, self.placeholder):
            widget.setAutoFillBackground(True)
            widget.setPalette(pal)
        self.scroll.viewport().setAutoFillBackground(True)
        self.scroll.viewport().setPalette(pal)

    # --- which column and paragraph ------------------------------------------------------------
    def focus_column(
        self,
        number: int,
        at_end: bool = False,
        take_focus: bool = True,
        keep_caret: bool = False,
        reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason,
    ) -> bool:
        """Make a column (clamped) the active one and show it; ``at_end`` starts at its last block.

        ``take_focus`` moves the keyboard into it (the outline browses without it), for
        ``reason`` (Tab / Shift+Tab say so, as Qt's own focus chain does);
        ``keep_caret`` leaves its caret and selection where they are (the keyboard comes back
        to the column, e.g. from the scan pane), else the caret goes to its current paragraph.
        """
        if not self.columns:
            return False
        number = max(0, min(number, len(self.columns) - 1))
        column = self.columns[number]
        came_from = self.active
        self.reveal_column(number)
        self._set_active(number)
        if take_focus:
            column.setFocus(reason)
        if column.blocks and not keep_caret:
            block = len(column.blocks) - 1 if at_end else max(0, column.current_block())
            column.set_current_block(block)
            if at_end:
                column.verticalScrollBar().setValue(column.verticalScrollBar().maximum())
        self.ensure_column_visible(number, came_from)
        return True

    def ensure_column_visible(self, number: int, came_from: int | None = None) -> None:
        """Scroll the strip so a whole column is in view, now and again once the layout has settled.

        ``came_from``: the column the keyboard left. Its side's neighbour is shown whole too when
        both fit; when they do not, the column's edge on that side goes to the view's edge, so
        that no column is left cut down its middle where the editor's eyes come from."""
        column = self.columns[number]
        self.reveal_column(number)
        if column.is_masthead:
            return
        neighbour = None
        if came_from is not None and 0 <= came_from != number:
            side = number - 1 if came_from < number else number + 1
            if 0 <= side < len(self.columns) and not self.columns[side].is_masthead:
                neighbour = self.columns[side]
                self.reveal_column(side)
        self._scroll_to(column, neighbour)
        QTimer.singleShot(
            0, lambda c=column, n=neighbour: self._scroll_to(c, n) if c in self.columns else None
        )

    def column_in_view(self, number: int) -> int | None:
        """How far the left edge of column ``number`` stands from the strip's visible left edge
        (None for a masthead or no such column)."""
        if not 0 <= number < len(self.columns) or self.columns[number].is_masthead:
            return None
        left = self.left_in_strip(self.columns[number])
        return left - self.scroll.horizontalScrollBar().value()

    def left_in_strip(self, column: SectionColumn) -> int:
        """Where a column's left edge stands in the strip (what the horizontal scroll bar counts)."""
        return column.mapTo(self.strip, QPoint(0, 0)).x()

    def keep_in_view_at(self, in_view: int, down: int = 0) -> None:
        """Scroll the strip so that the active column's left edge stands ``in_view`` from the
        view's left edge, as near as it can while the whole column shows (where the reader had
        it before the page was shown again), the column scrolled ``down`` as the reader had it
        (as near as the caret stays in view), now and once the layout has settled: the caret put
        in a column the reader could see does not move the page. A page shown again from the
        library lays its columns out once more as they come into view and may still move the
        column once afterwards (nothing holds it: a hold on a timer gave up on a busy machine and
        undid the reader's own scrolling)."""

        def keep() -> None:
            column = self.active_column()
            if column is None or column not in self.columns or column.is_masthead:
                return
            left = self.left_in_strip(column)
            value = max(left - in_view, left + column.width() - self.scroll.viewport().width())
            self.scroll.horizontalScrollBar().setValue(min(value, left))
            column.verticalScrollBar().setValue(down)
            column.ensureCursorVisible()

        keep()
        QTimer.singleShot(0, keep)

    def _scroll_to(
        self, column: SectionColumn, neighbour: SectionColumn | None = None, margin: int = 24
    ) -> None:
        # QScrollArea.ensureWidgetVisible aims at the text cursor of a QTextEdit, not the column.
        bar = self.scroll.horizontalScrollBar()
        left = self.left_in_strip(column)
        right = left + column.width()
        view = self.scroll.viewport().width()
        if neighbour is not None and neighbour in self.columns and right - left + 2 * margin <= view:
            other = self.left_in_strip(neighbour)
            low, high = min(left, other), max(right, other + neighbour.width())
            if high - low + 2 * margin <= view:
                left, right = low, high  # both whole
            elif other < left:  # the column at the left edge, the one before out of view
                bar.setValue(max(left - margin, other + neighbour.width()))
                return
            else:
                bar.setValue(min(right + margin, other) - view)
                return
        if left - margin < bar.value():
            bar.setValue(left - margin)
        elif right + margin > bar.value() + view:
            bar.setValue(min(left - margin, right + margin - view))

    def active_column(self) -> SectionColumn | None:
        return self.columns[self.active] if 0 <= self.active < len(self.columns) else None

    def _set_active(self, number: int) -> None:
        if number == self.active:
            return
        self.active = number
        for i, column in enumerate(self.columns):
            column.set_active(i == number)

    def _on_current(self, number: int, block: int) -> None:
        self._set_active(number)
        self.paragraphChanged.emit(number, block)

    def _on_hovered(self, number: int, block: int) -> None:
        if block >= 0:
            self.paragraphHovered.emit(number, block)
        else:
            self.paragraphHovered.emit(-1, -1)

    # --- the link with the raw text -------------------------------------------------------------
    def raw_offsets(self, number: int, block: int) -> list[int]:
        """Raw-text offsets of every character of a block."""
        return list(self.columns[number].blocks[block].text.source)

    @property
    def _owner(self) -> dict[int, tuple[int, int]]:
        """Raw offset -> the first (column, block) showing it (built when first asked after a change)."""
        if self._owners is None:
            self._owners = {}
            for number, column in enumerate(self.columns):
                for block, ref in enumerate(column.blocks):
                    for offset in ref.text.source:
                        self._owners.setdefault(offset, (number, block))
        return self._owners

    def block_for_raw_offset(
        self, offset: int, line_span: tuple[int, int] | None = None
    ) -> tuple[int, int] | None:
        """The (column, block) that shows raw ``offset``, or the nearest owned one on its line."""
        owners = self._owner
        if offset in owners:
            return owners[offset]
        if line_span is not None:
            start, end = line_span
            for distance in range(1, max(1, end - start) + 1):
                for candidate in (offset + distance, offset - distance):
                    if start <= candidate <= end and candidate in owners:
                        return owners[candidate]
        return None

    def link_block(self, target: tuple[int, int] | None, ensure_visible: bool = True) -> None:
        """Tint the block linked from the raw view (None clears the tint)."""
        old_column, _ = self._linked
        if 0 <= old_column < len(self.columns):
            self.columns[old_column].set_linked_block(-1)
        self._linked = target or (-1, -1)
        if target is None:
            return
        number, block = target
        column = self.columns[number]
        column.set_linked_block(block)
        if ensure_visible:
            self.ensure_column_visible(number)
            column.scroll_to_block(block)

    def linked_block(self) -> tuple[int, int]:
        return self._linked

    # --- find in page ------------------------------------------------------------------------------------
    def find(self, query: str, keep: bool = False, at: int | None = None) -> int:
        """Mark every hit of ``query`` (case-insensitive, literal); go to the first. Returns the count.

        ``keep``: the same page read anew (an edit): the current hit stays the one on the same
        raw character ``at`` (by default the current hit's first; else the next hit after it),
        and the caret stays where it is.
        """
        if keep and at is None:
            at = self._current_hit_raw()
        self._query = query
        self.hits = []
        self.current_hit = -1
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for number, column in enumerate(self.columns):
                for block, ref in enumerate(column.blocks):
                    for match in pattern.finditer(ref.text.text):
                        self.hits.append(Hit(number, block, match.start(), match.end()))
        if self.hits:
            kept = keep and at is not None
            self.current_hit = self._hit_at_or_after(at) if kept else self._first_hit_from_active()  # type: ignore[arg-type]
        self._mark_hits()
        if not keep:
            self._go_to_hit()
        return len(self.hits)

    def hit_words(self) -> str:
        """The words of the current hit (else the first) as the page reads them (the find
        ignores case); "" with no hit."""
        if not self.hits:
            return ""
        hit = self.hits[self.current_hit if 0 <= self.current_hit < len(self.hits) else 0]
        blocks = self.columns[hit.column].blocks if 0 <= hit.column < len(self.columns) else []
        return blocks[hit.block].text.text[hit.start : hit.end] if 0 <= hit.block < len(blocks) else ""

    def _current_hit_raw(self) -> int | None:
        """The raw offset of the current hit's first character (None: no current hit)."""
        if not 0 <= self.current_hit < len(self.hits):
            return None
        hit = self.hits[self.current_hit]
        if not (
            0 <= hit.column < len(self.columns) and 0 <= hit.block < len(self.columns[hit.column].blocks)
        ):
            return None
        source = self.columns[hit.column].blocks[hit.block].text.source
        return source[hit.start] if hit.start < len(source) else None

    def _hit_at_or_after(self, raw: int) -> int:
        """The hit on raw character ``raw``, else the first one after it in reading order."""
        offsets = self.hit_raw_offsets()
        for i, chars in enumerate(offsets):
            if chars and chars[0] == raw:
                return i
        later = [i for i, chars in enumerate(offsets) if chars and chars[0] > raw]
        return later[0] if later else 0

    def _first_hit_from_active(self) -> int:
        """The first hit at or after the active column, so searching does not jump back."""
        for i, hit in enumerate(self.hits):
            if hit.column >= max(0, self.active):
                return i
        return 0

    def find_next(self) -> None:
        if self.hits:
            self.current_hit = (self.current_hit + 1) % len(self.hits)
            self._mark_hits()
            self._go_to_hit()

    def find_previous(self) -> None:
        if self.hits:
            self.current_hit = (self.current_hit - 1) % len(self.hits)
            self._mark_hits()
            self._go_to_hit()

    @property
    def query(self) -> str:
        """What the hits marked are of ("" when none are)."""
        return self._query

    def clear_find(self) -> None:
        self._query = ""
        self.hits = []
        self.current_hit = -1
        for column in self.columns:
            column.set_hits([])
        self.hitsMapped.emit([], -1)

    def _mark_hits(self) -> None:
        per_column: dict[int, list[tuple[int, int]]] = {}
        current: dict[int, int] = {}
        for i, hit in enumerate(self.hits):
            column = self.columns[hit.column]
            ref = column.blocks[hit.block]
            span = ref.utf16_map().span_to_utf16(hit.start, hit.end)
            spans = per_column.setdefault(hit.column, [])
            if i == self.current_hit:
                current[hit.column] = len(spans)
            spans.append((ref.position + span[0], ref.position + span[1]))
        for number, column in enumerate(self.columns):
            column.set_hits(per_column.get(number, []), current.get(number, -1))
        self.hitsMapped.emit(self.hit_raw_offsets(), self.current_hit)

    def hit_raw_offsets(self) -> list[list[int]]:
        """For each hit, the raw offsets of its characters."""
        return [list(self.columns[h.column].blocks[h.block].text.source[h.start : h.end]) for h in self.hits]

    def _go_to_hit(self) -> None:
        if not (0 <= self.current_hit < len(self.hits)):
            return
        hit = self.hits[self.current_hit]
        column = self.columns[hit.column]
        self._set_active(hit.column)
        self.ensure_column_visible(hit.column)
        position = column.blocks[hit.block].position + column.blocks[hit.block].utf16_map().to_utf16(
            hit.start
        )
        cursor = column.textCursor()
        cursor.setPosition(position)
        column.setTextCursor(cursor)
        column.ensureCursorVisible()
        # Let the columns settle their geometry before the horizontal scroll is final.
        QTimer.singleShot(
            0, lambda n=hit.column: self.ensure_column_visible(n) if n < len(self.columns) else None
        )

    def go_to_raw_offset(self, offset: int) -> bool:
        """Show the paragraph holding raw ``offset`` (a library search hit); True if found."""
        target = self.block_for_raw_offset(offset)
        if target is None:
            return False
        number, block = target
        self.focus_column(number)
        self.columns[number].set_current_block(block)
        return True
