"""A broadsheet scan: checking, storing, reading back and decoding it, and rendering a PDF page.

A 600 dpi broadsheet page is about 7,000 × 12,000 pixels; a 300 dpi one (the usual archive scan)
3,500 × 6,000. Checking and storing run when a scan is attached or imported; reading back and
decoding run in a worker thread whenever the pane shows a page, so they never hold the window,
but they decide how soon the scan appears. Goals: check ≤ 0.3 s, store ≤ 0.5 s, read back ≤ 0.2 s,
decode ≤ 1.5 s, render a PDF page at 200 dpi ≤ 1.5 s.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scan_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QMarginsF, QRectF  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.library.service import Library  # noqa: E402
from models.scan_file import read_scan  # noqa: E402
from ui.proofreading.scan_pane import decode_scan  # noqa: E402


def _page_image(width: int, height: int) -> QImage:
    """Grey paper covered in lines of text, like a scanned page (it compresses like one)."""
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#ece8dc"))
    painter = QPainter(image)
    font = QFont("Noto Serif CJK SC")
    font.setPixelSize(max(12, width // 140))
    painter.setFont(font)
    line = "高质量发展示范区城乡一体化建设推进会议要求各部门加强协作形成合力 " * 4
    step = font.pixelSize() * 3 // 2
    for y in range(step, height, step):
        painter.drawText(20, y, line)
    painter.end()
    return image


def _timed(what, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        what()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        page = base / "p.txt"
        page.write_text(
            (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
        with Library.open(base / "lib.sqlite3") as library:
            page_id = library.import_paths([page]).page_ids[0]
            for label, (width, height) in (("300 dpi", (3500, 6000)), ("600 dpi", (7000, 12000))):
                png = base / f"scan-{width}.png"
                _page_image(width, height).save(str(png))
                size = png.stat().st_size / 1048576
                image = read_scan(png)
                check = _timed(lambda png=png: read_scan(png))
                store = _timed(lambda image=image: library.store_scan(page_id, image))
                back = _timed(lambda: library.page_scan(page_id))
                data = library.page_scan(page_id).data
                decoded, problem = decode_scan(data)  # as the pane does, in its worker thread
                assert decoded is not None and decoded.width() == width, problem
                decode = _timed(lambda data=data: decode_scan(data), runs=2)
                print(f"{label} PNG {width}×{height}, {size:.1f} MB:")
                print(f"  check {check:.2f} s (goal ≤ 0.3)   store {store:.2f} s (goal ≤ 0.5)")
                print(f"  read back {back:.2f} s (goal ≤ 0.2)   decode {decode:.2f} s (goal ≤ 1.5)")
        pdf = base / "page.pdf"
        writer = QPdfWriter(str(pdf))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setResolution(300)
        painter = QPainter(writer)
        painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), _page_image(3500, 4950))
        painter.end()
        render = _timed(lambda: read_scan(pdf), runs=2)
        print(f"PDF page (A3, an embedded 300 dpi scan) rendered at 200 dpi: {render:.2f} s (goal ≤ 1.5)")


if __name__ == "__main__":
    main()
