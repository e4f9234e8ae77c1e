"""Scan files for tests, drawn with Qt (an encoder independent of the one under test)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication


def _app() -> None:
    # A QApplication (not a QGuiApplication): the GUI tests after these need widgets.
    if QApplication.instance() is None:
        QApplication([])


def scan_image(width: int = 120, height: int = 160) -> QImage:
    """White paper with a black block top left and a red one bottom right."""
    _app()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 4, height // 4, QColor("black"))
    painter.fillRect(width * 3 // 4, height * 3 // 4, width // 4, height // 4, QColor("red"))
    painter.end()
    return image


def write_scan(path: Path, width: int = 120, height: int = 160) -> Path:
    """Save the test scan in the format the name's ending says (png, jpg, tif)."""
    assert scan_image(width, height).save(str(path)), path
    return path


def write_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF of A6 pages (no margins): page n has a black block n × 30 pt wide at its top left."""
    _app()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    for n in range(1, pages + 1):
        if n > 1:
            writer.newPage()
        painter.fillRect(QRectF(0, 0, 30 * n, 30), QColor("black"))
    painter.end()
    return path
