"""Corrected characters, marked quietly (a dotted underline), and what a hover tells about them.

The core's page layout (``Library.layout``) says, for every character of a section's current
text, whether the parser read it from the raw text or an editor's correction put it there
(which one). A column shows the same blocks in the same order, so each corrected run becomes a
UTF-16 span of the column's document; hovering one shows the OCR's original, the editor and
the time as an escaped plain-text tooltip. Over a word whose popup (pinyin and meanings) is
open, the same lines go into the popup instead (``note_for``), and no tooltip opens over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QToolTip

from ui.common.tooltips import tooltip
from ui.reader.section_view import SectionColumn

if TYPE_CHECKING:
    from models.library.records import CorrectionInfo
    from models.proofreading.layout import PageLayout

LAYER = "corrections"


@dataclass(frozen=True)
class CorrectedRun:
    """Characters of one block that one correction put there (code points within the block)."""

    block: int
    start: int
    end: int
    correction: CorrectionInfo | None


def corrected_runs(
    layout: PageLayout, section: int, corrections: dict[int, CorrectionInfo]
) -> list[CorrectedRun]:
    """The corrected runs of a section's blocks, in order."""
    runs: list[CorrectedRun] = []
    if section >= len(layout.blocks):
        return runs
    for number, block in enumerate(layout.blocks[section]):
        origins = block.origins
        i = 0
        while i < len(origins):
            origin = origins[i]
            if origin < 0:
                i += 1
                continue
            j = i
            while j < len(origins) and origins[j] == origin:
                j += 1
            key = layout.effective_ids[origin] if origin < len(layout.effective_ids) else None
            runs.append(CorrectedRun(number, i, j, corrections.get(key) if key is not None else None))
            i = j
    return runs


def _local_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class CorrectionMarks(QObject):
    """Marks one column's corrected characters and answers hovers over them."""

    def __init__(self, column: SectionColumn, raw: str, runs: list[CorrectedRun]) -> None:
        super().__init__(column)
        self.column = column
        self.raw = raw
        self.runs = runs
        #: whether the word popup already tells about document ``position`` (then no tooltip)
        self.told_elsewhere: Callable[[int], bool] = lambda _position: False
        self._viewport = column.viewport()
        self._viewport.installEventFilter(self)
        self.paint()

    def detach(self) -> None:
        try:
            self._viewport.removeEventFilter(self)
            self.column.set_layer(LAYER, [])
        except RuntimeError:
            pass  # the column is already gone

    def spans(self) -> list[tuple[int, int]]:
        """The document (UTF-16) spans of the corrected runs."""
        out = []
        for run in self.runs:
            if run.block >= len(self.column.blocks):
                continue
            ref = self.column.blocks[run.block]
            start, end = ref.utf16_map().span_to_utf16(run.start, run.end)
            out.append((ref.position + start, ref.position + end))
        return out

    def paint(self) -> None:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(self.column.style_.colours.byline))
        self.column.set_layer(LAYER, [(start, end, fmt) for start, end in self.spans()])

    def run_at(self, position: int) -> CorrectedRun | None:
        """The corrected run holding the character at document ``position``."""
        for run, (start, end) in zip(self.runs, self.spans(), strict=False):
            if start <= position < end:
                return run
        return None

    def tooltip_text(self, correction: CorrectionInfo | None) -> str:
        """What a hover over corrected characters says (plain text; escaped before it is shown)."""
        if correction is None:
            return self.tr("Corrected")
        original = self.raw[correction.raw_start : correction.raw_end]
        shown = original.replace("\n", "⏎") if original else self.tr("(nothing: inserted)")
        author = correction.author or self.tr("an unnamed editor")
        return "\n".join(
            [
                self.tr("OCR read: %1").replace("%1", shown),
                self.tr("Corrected by %1 on %2")
                .replace("%1", author)
                .replace("%2", _local_time(correction.created)),
            ]
        )

    def note_for(self, block: int, start: int, end: int) -> str | None:
        """What the corrections among a block's characters ``[start:end)`` say (plain text), once each."""
        seen: set[int | None] = set()
        lines = []
        for run in self.runs:
            if run.block == block and run.start < end and start < run.end:
                key = run.correction.id if run.correction is not None else None
                if key not in seen:
                    seen.add(key)
                    lines.append(self.tooltip_text(run.correction))
        return "\n".join(lines) or None

    def tooltip_at(self, position: int) -> str | None:
        """The escaped tooltip for the character at document ``position`` (None: not corrected)."""
        run = self.run_at(position)
        if run is None:
            return None
        return tooltip(self.tooltip_text(run.correction))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ToolTip or watched is not self._viewport:
            return False
        help_event: QHelpEvent = event  # type: ignore[assignment]
        cursor = self.column.cursorForPosition(help_event.pos())
        # The character under the pointer: the cursor lands before or after it.
        rect = self.column.cursorRect(cursor)
        position = cursor.position() - (1 if help_event.pos().x() < rect.x() and cursor.position() else 0)
        text = self.tooltip_at(position)
        if text is None:
            QToolTip.hideText()
            return False
        if self.told_elsewhere(position):  # the word popup holds these lines: nothing on top of it
            QToolTip.hideText()
            return True
        QToolTip.showText(help_event.globalPos(), text, self._viewport)
        return True
