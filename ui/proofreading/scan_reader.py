"""Reading a scan file to attach, off the window's thread (a PDF page is rendered here too)."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class ScanReader(QThread):
    """Read and check one scan file (``models.scan_file.read_scan``); nothing is stored here."""

    #: the checked ScanImage
    read = Signal(object)
    #: a one-line reason the file cannot be used
    failed = Signal(str)

    def __init__(self, path: str, pdf_page: int = 0, parent=None) -> None:
        super().__init__(parent)
        self.path = path
        self.pdf_page = pdf_page

    def run(self) -> None:  # the worker thread
        from models.errors import DubaoError
        from models.scan_file import read_scan

        try:
            image = read_scan(self.path, self.pdf_page)
        except DubaoError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(f"{self.path}: {type(exc).__name__}: {exc}")
            return
        self.read.emit(image)
