"""Where a column's characters are on screen: the character under the pointer, a word's boxes.

Positions in a column are Qt's UTF-16 positions; the words are in code points. Every
conversion goes through the block's ``Utf16Map`` (𠀀 takes two Qt positions).
Rectangles are in the column viewport's coordinates (document minus scrolling).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt

from ui.reader.section_view import SectionColumn


def _scroll(column: SectionColumn) -> QPointF:
    return QPointF(column.horizontalScrollBar().value(), column.verticalScrollBar().value())


def block_origin(column: SectionColumn, block: int) -> QPointF:
    """The document position of a block's layout origin."""
    qblock = column.document().findBlockByNumber(block)
    return column.document().documentLayout().blockBoundingRect(qblock).topLeft()


def char_at(column: SectionColumn, point: QPointF) -> tuple[int, int] | None:
    """(block, code-point offset in the block's text) of the character under a viewport point."""
    doc_point = point + _scroll(column)
    position = column.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.FuzzyHit)
    if position < 0:
        return None
    block = column.block_at(position)
    if block < 0:
        return None
    ref = column.blocks[block]
    qblock = column.document().findBlockByNumber(block)
    layout = qblock.layout()
    local = doc_point - block_origin(column, block)
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if not (line.y() <= local.y() < line.y() + line.height()):
            continue
        pos = line.xToCursor(local.x())
        if pos > line.textStart() and line.cursorToX(pos)[0] > local.x():
            pos -= 1  # the pointer is over the right half of the character before the boundary
        start16 = pos  # block-relative UTF-16 position
        if start16 >= line.textStart() + line.textLength():
            return None
        left = line.cursorToX(start16)[0]
        right = line.cursorToX(start16 + 1)[0]
        if not (min(left, right) - 1 <= local.x() <= max(left, right) + 1):
            return None
        offset = ref.utf16_map().to_code_point(start16)
        return (block, offset) if offset < len(ref.text.text) else None
    return None


def char_boxes(column: SectionColumn, block: int, offsets: list[int]) -> list[QRectF]:
    """The box of each character (code-point offsets in the block) in viewport coordinates."""
    ref = column.blocks[block]
    umap = ref.utf16_map()
    qblock = column.document().findBlockByNumber(block)
    layout = qblock.layout()
    origin = block_origin(column, block) - _scroll(column)
    boxes: list[QRectF] = []
    for offset in offsets:
        p16 = umap.to_utf16(offset)
        width16 = umap.to_utf16(offset + 1) - p16
        line = layout.lineForTextPosition(p16)
        if not line.isValid():
            boxes.append(QRectF())
            continue
        left = line.cursorToX(p16)[0]
        right = line.cursorToX(p16 + width16)[0]
        if right <= left:  # the last character of a wrapped line
            right = left + line.height() * 0.8
        boxes.append(QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height()))
    return boxes


def span_rects(column: SectionColumn, block: int, offsets: list[int]) -> list[QRectF]:
    """A word's outline: its characters' boxes joined line by line."""
    rects: list[QRectF] = []
    for box in char_boxes(column, block, offsets):
        if box.isNull():
            continue
        if rects and abs(rects[-1].top() - box.top()) < 1:
            rects[-1] = rects[-1].united(box)
        else:
            rects.append(box)
    return rects
