"""A page's issue details (paper, date, page number and name): guesses and the edit dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from models.section import ParsedPage


@dataclass
class PageDetails:
    """What a reader calls a page: which paper, which day, which page."""

    paper: str = ""
    date: str = ""  # ISO yyyy-mm-dd when known
    page_number: str = ""
    page_name: str = ""

    def line(self, masthead: str = "") -> str:
        """One line for the header: 人民日报 · 2020-02-12 · 第3版 要闻 (the paper left out under its own masthead)."""
        parts = [self.paper if self.paper != masthead else "", self.date]
        if self.page_number or self.page_name:
            number = f"第{self.page_number}版" if self.page_number.isdigit() else self.page_number
            parts.append(" ".join(p for p in (number, self.page_name) if p))
        return " · ".join(p for p in parts if p)


def guess_details(name: str, page: ParsedPage | None, folder: str = "") -> PageDetails:
    """Guesses from a file name (then its folder's) and the page's masthead, as the library makes them."""
    from models.library.filenames import guess_from_name

    details = PageDetails()
    for text in (Path(name).stem, folder):
        if not text:
            continue
        guess = guess_from_name(text)
        details.paper = details.paper or guess.paper or ""
        details.date = details.date or guess.date or ""
        if not details.page_number and guess.number is not None and text != folder:
            details.page_number = str(guess.number)
    if page is not None:
        for section in page.sections:
            if section.kind == "masthead":
                details.paper = section.title
                break
    return details


class PageDetailsDialog(QDialog):
    """Edit the paper, date, page number and page name (plain text fields)."""

    def __init__(
        self, details: PageDetails, parent: QWidget | None = None, issue_id: int | None = None
    ) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QFormLayout  # (not needed to start)

        super().__init__(parent)
        self.setWindowTitle(self.tr("Page Details"))
        self.paper = QLineEdit(details.paper)
        self.date = QLineEdit(details.date)
        self.date.setPlaceholderText("2020-02-12")
        self.page_number = QLineEdit(details.page_number)
        self.page_name = QLineEdit(details.page_name)
        self.page_name.setPlaceholderText(self.tr("e.g. 要闻"))
        form = QFormLayout(self)
        if issue_id is not None:  # the id the CLI takes (--issue)
            self.issue_id = QLabel(str(issue_id))
            self.issue_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("Issue id:"), self.issue_id)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Page number:"), self.page_number)
        form.addRow(self.tr("Page name:"), self.page_name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def details(self) -> PageDetails:
        return PageDetails(
            paper=self.paper.text().strip(),
            date=self.date.text().strip(),
            page_number=self.page_number.text().strip(),
            page_name=self.page_name.text().strip(),
        )
