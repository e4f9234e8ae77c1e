"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLE_PAGE = RESOURCES / "sample-page.txt"


def run_app(file: str | None = None, db: str | None = None, screenshot: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from models.errors import DubaoError
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dubao")
    app.setOrganizationName("Dubao")
    window = MainWindow()
    path = Path(file) if file else SAMPLE_PAGE
    try:
        window.open_page_file(path)
    except DubaoError as exc:
        if screenshot:
            print(f"dubao: {exc}", file=sys.stderr)
            return 2
        QMessageBox.warning(window, "Dubao", str(exc))
    if screenshot:
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        ok = window.grab().save(screenshot, "PNG")
        return 0 if ok else 1
    window.show()
    return app.exec()
