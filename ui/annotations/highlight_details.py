"""Editing the chosen highlight: its category, its tags (completed from existing ones), its note.

Each change is one operation in the core (so Ctrl+Z undoes it); the widget only shows the
highlight it was given and reports nothing itself: the service's change notice refreshes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models.annotations.records import HighlightInfo
from models.annotations.service import Annotations
from ui.common.library_writes import run_write

#: Tags are typed separated by commas (either width).
TAG_SEPARATORS = (",", "，", "、")


def _commas(text: str) -> str:
    for sep in TAG_SEPARATORS[1:]:
        text = text.replace(sep, ",")
    return text


def split_tags(text: str) -> list[str]:
    """Tag names typed in one line, separated by commas (either width) or 、."""
    return [t.strip() for t in _commas(text).split(",") if t.strip()]


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma from the library's tags."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [_commas(path).rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802
        typed = _commas(self.widget().text()) if self.widget() is not None else ""
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + str(index.data())


class HighlightDetails(QWidget):
    """Category, tags and note of one highlight."""

    #: a one-line reason the core refused a change
    failed = Signal(str)
    #: what the empty editor says instead of "Select words and press 1–9…" ("": that)
    hint = ""

    def set_hint(self, text: str) -> None:
        """Say ``text`` while no highlight is shown ("" for the usual "press 1–9")."""
        self.hint = text
        if self.highlight is None:
            self.show_highlight(None)

    def __init__(self, annotations: Annotations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self.highlight: HighlightInfo | None = None
        self.quote = QLabel()
        self.quote.setTextFormat(Qt.TextFormat.PlainText)  # a quote is document text
        self.quote.setWordWrap(True)
        self.category = QComboBox()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.completer = TagCompleter([], self.tags)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags.setCompleter(self.completer)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("note"))
        self.note.setMaximumHeight(90)
        self.delete_button = QPushButton(self.tr("Delete"))
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(600)  # save a note when typing pauses, not per keystroke
        self._note_timer.timeout.connect(self.save_note)
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow(self.quote)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Note"), self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        form.addRow(row)
        self.category.activated.connect(self._category_chosen)
        self.tags.editingFinished.connect(self.save_tags)
        self.note.textChanged.connect(self._note_timer.start)
        self.delete_button.clicked.connect(self.delete)
        self.show_highlight(None)

    def show_highlight(self, highlight: HighlightInfo | None) -> None:
        """Show (or, with None, clear and disable) the editor for a highlight.

        What was typed for the highlight shown so far (a note, tags not yet confirmed) is
        saved to it first.
        """
        if self._note_timer.isActive():
            self.save_note()
        if self.highlight is not None and (highlight is None or highlight.id != self.highlight.id):
            self.save_tags()
        self.highlight = highlight
        for widget in (self.category, self.tags, self.note, self.delete_button):
            widget.setEnabled(highlight is not None)
        self.fill_categories()
        self.completer.model().setStringList(self.annotations.tag_names())  # type: ignore[attr-defined]
        if highlight is None:
            self.quote.setText(self.hint or self.tr("Select words and press 1–9 to highlight them."))
            self.tags.clear()
            self.note.blockSignals(True)
            self.note.clear()
            self.note.blockSignals(False)
            return
        state = "" if highlight.anchored else self.tr(" (unanchored: the text changed)")
        self.quote.setText(f"“{highlight.exact}”{state}")
        self.category.setCurrentIndex(max(0, self.category.findData(highlight.category_id)))
        self.tags.setText(", ".join(highlight.tags))
        self.note.blockSignals(True)
        self.note.setPlainText(highlight.note)
        self.note.blockSignals(False)

    def fill_categories(self) -> None:
        """The category menu as the library names and orders them now (renamed here or by a colleague)."""
        self.category.blockSignals(True)
        self.category.clear()
        for number, cat in enumerate(self.annotations.categories(), start=1):
            label = f"{number}  {cat.name}" if number <= 9 else cat.name
            self.category.addItem(label, cat.id)
        if self.highlight is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(self.highlight.category_id)))
        self.category.blockSignals(False)

    def refresh(self, highlight: HighlightInfo | None) -> None:
        """The shown highlight changed (or went): update without disturbing a field being typed in."""
        if highlight is None or self.highlight is None or highlight.id != self.highlight.id:
            self.show_highlight(highlight)
            return
        self.highlight = highlight
        self.category.setCurrentIndex(max(0, self.category.findData(highlight.category_id)))
        self.completer.model().setStringList(self.annotations.tag_names())  # type: ignore[attr-defined]
        if not self.tags.hasFocus():
            self.tags.setText(", ".join(highlight.tags))
        if not self.note.hasFocus() and not self._note_timer.isActive():
            self.note.blockSignals(True)
            self.note.setPlainText(highlight.note)
            self.note.blockSignals(False)

    def _run(self, what: str, action: Callable[[], object]) -> None:
        """One change, through the window's single write path (a failure is told, with Retry)."""
        run_write(self, what, action, refused=self.failed.emit)

    def _category_chosen(self, index: int) -> None:
        if self.highlight is not None:
            highlight_id, category_id = self.highlight.id, self.category.itemData(index)
            if category_id != self.highlight.category_id:
                self._run(
                    self.tr("The category"), lambda: self.annotations.set_category(highlight_id, category_id)
                )

    def save_tags(self) -> None:
        if self.highlight is None:
            return
        highlight_id, wanted = self.highlight.id, split_tags(self.tags.text())
        if tuple(sorted(wanted)) != tuple(sorted(self.highlight.tags)):
            self._run(self.tr("The tags"), lambda: self.annotations.set_tags(highlight_id, wanted))

    def save_note(self) -> None:
        self._note_timer.stop()
        if self.highlight is not None and self.note.toPlainText() != self.highlight.note:
            highlight_id, text = self.highlight.id, self.note.toPlainText()
            self._run(self.tr("The note"), lambda: self.annotations.set_note(highlight_id, text))

    def delete(self) -> None:
        if self.highlight is not None:
            highlight_id = self.highlight.id
            self._run(self.tr("The deletion"), lambda: self.annotations.delete(highlight_id))
