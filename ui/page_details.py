"""A page's issue details (paper, date, page number and name): guesses and the edit dialog."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from models.section import ParsedPage

#: 2016-11-04, 2016_11_4, 2016.11.04, 2016年11月4日, or compact 20161104
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:([-_.年])(0?[1-9]|1[0-2])[-_.月](0?[1-9]|[12]\d|3[01])日?"
    r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?!\d)"
)
#: a year and month alone: 2016-11, 2016年11月
_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.年](0?[1-9]|1[0-2])月?(?!\d)")
_PAGE_NUMBER = re.compile(r"(?:page|p|第|版)[-_ ]?0*(\d{1,3})|0*(\d{1,3})\s*版", re.IGNORECASE)


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
    """Guesses from a file name (and its folder's) and the page's masthead."""
    details = PageDetails()
    for text in (Path(name).stem, folder):
        if details.date:
            break
        match = _DATE.search(text)
        if match:
            year, _sep, month, day, compact_month, compact_day = match.groups()
            details.date = f"{year}-{int(month or compact_month):02d}-{int(day or compact_day):02d}"
        elif month_match := _MONTH.search(text):
            details.date = f"{month_match.group(1)}-{int(month_match.group(2)):02d}"
    stem = _MONTH.sub(" ", _DATE.sub(" ", Path(name).stem))
    number = _PAGE_NUMBER.search(stem)
    trailing = re.search(r"(?:^|[^\d])0*(\d{1,2})\s*$", stem)
    if number:
        details.page_number = str(int(number.group(1) or number.group(2)))
    elif trailing:  # rmrb_20200212_04: a short number at the end of the name is the page
        details.page_number = str(int(trailing.group(1)))
    if page is not None:
        for section in page.sections:
            if section.kind == "masthead":
                details.paper = section.title
                break
    return details


class PageDetailsDialog(QDialog):
    """Edit the paper, date, page number and page name (plain text fields)."""

    def __init__(self, details: PageDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Page Details"))
        self.paper = QLineEdit(details.paper)
        self.date = QLineEdit(details.date)
        self.date.setPlaceholderText("2020-02-12")
        self.page_number = QLineEdit(details.page_number)
        self.page_name = QLineEdit(details.page_name)
        self.page_name.setPlaceholderText(self.tr("e.g. 要闻"))
        form = QFormLayout(self)
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
