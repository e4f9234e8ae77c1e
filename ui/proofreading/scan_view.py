"""The scan of a page, zoomed and panned with the mouse or the keyboard alone.

Keys while the view has the focus: + / = zoom in, − zoom out, 0 fits the whole page, W fits its
width; the arrow keys pan (PgUp/PgDn a screenful, Home/End to the top or the bottom, as in any
scroll area). Ctrl+wheel zooms about the mouse; the wheel alone scrolls; dragging pans.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

#: Each zoom step multiplies (or divides) the scale by this.
ZOOM_STEP = 1.25
MIN_SCALE = 0.02
MAX_SCALE = 8.0
#: Pixels an arrow key pans.
PAN_STEP = 60


class ScanView(QGraphicsView):
    """One image, at a scale the user chooses; fits the page until zoomed."""

    #: the scale changed (1.0 = one image pixel per screen pixel)
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanView")
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Scan of the page"))
        self._fit: str | None = "page"  # "page", "width", or None once the user zoomed

    # --- the image ------------------------------------------------------------------------------
    def set_image(self, image: QImage | None) -> None:
        """Show an image (None: nothing), fitted to the view."""
        self.item.setPixmap(QPixmap.fromImage(image) if image is not None else QPixmap())
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit("page")

    def pixmap(self) -> QPixmap:
        return self.item.pixmap()

    def scale_factor(self) -> float:
        return self.transform().m11()

    # --- zoom -----------------------------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        factor = scale / self.scale_factor()
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
        self.zoomed.emit(self.scale_factor())

    def zoom(self, steps: int) -> None:
        """Zoom in (steps > 0) or out by whole steps; the view stops fitting the page."""
        self._fit = None
        self.set_scale(self.scale_factor() * ZOOM_STEP**steps)

    def fit(self, how: str = "page") -> None:
        """Fit the whole page ("page") or its width ("width") into the view."""
        self._fit = how
        rect = self.item.boundingRect()
        if rect.isEmpty():
            return
        area = self.viewport().size()
        by_width = max(1, area.width() - 2) / rect.width()
        scale = by_width if how == "width" else min(by_width, max(1, area.height() - 2) / rect.height())
        self.set_scale(scale)
        if how == "width":
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._fit is not None:
            self.fit(self._fit)

    # --- keys and wheel -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if plain and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1)
        elif plain and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(-1)
        elif plain and key == Qt.Key.Key_0:
            self.fit("page")
        elif plain and key == Qt.Key.Key_W:
            self.fit("width")
        elif mods == Qt.KeyboardModifier.NoModifier and key in _PAN:
            dx, dy = _PAN[key]
            bar_x, bar_y = self.horizontalScrollBar(), self.verticalScrollBar()
            bar_x.setValue(bar_x.value() + dx * PAN_STEP)
            bar_y.setValue(bar_y.value() + dy * PAN_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self._fit = None
                self.set_scale(self.scale_factor() * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)


_PAN = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
