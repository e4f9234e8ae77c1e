"""The main window: the page's sections, one after another (issue 3 brings the column reader)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QMainWindow, QPlainTextEdit, QSplitter

from models.page_file import read_page_file
from models.parser import parse_page
from models.section import ParsedPage


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Dubao 读报")
        self.outline = QListWidget()
        self.text = QPlainTextEdit()  # plain text: page content is never interpreted as markup
        self.text.setReadOnly(True)
        splitter = QSplitter()
        splitter.addWidget(self.outline)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 1000])
        self.setCentralWidget(splitter)
        self.page: ParsedPage | None = None
        self._section_starts: list[int] = []
        self.outline.currentRowChanged.connect(self._show_section)

    def open_page_file(self, path: Path) -> None:
        page = read_page_file(path)
        self.show_page(parse_page(page.raw), title=path.name)

    def show_page(self, page: ParsedPage, title: str = "") -> None:
        self.page = page
        self.setWindowTitle(f"{title} — Dubao 读报" if title else "Dubao 读报")
        self.outline.clear()
        lines: list[str] = []
        self._section_starts = []
        for section in page.sections:
            self.outline.addItem(section.title)
            self._section_starts.append(len(lines))
            for name in ("kicker", "heading", "subheading", "byline"):
                value = section.field_text(name)
                if value:
                    lines.append(value)
            lines.extend("\u3000\u3000" + p.text for p in section.paragraphs)
            lines.append("")
        self.text.setPlainText("\n".join(lines))

    def _show_section(self, row: int) -> None:
        if 0 <= row < len(self._section_starts):
            block = self.text.document().findBlockByNumber(self._section_starts[row])
            cursor = self.text.textCursor()
            cursor.setPosition(block.position())
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
