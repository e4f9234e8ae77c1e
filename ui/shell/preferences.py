"""The preferences dialog: type, column width, leading, theme, language and the editor's name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ui.common.fonts import pick_cjk_family
from ui.common.settings import ReaderLayout

LANGUAGES = (("system", None), ("zh_CN", "简体中文"), ("en", "English"))


class PreferencesDialog(QDialog):
    """Changes apply as they are made (``layoutChanged``, ``themeChanged``); language on restart."""

    layoutChanged = Signal(object)
    themeChanged = Signal(str)
    languageChanged = Signal(str)
    #: the name recorded with corrections ("" for the system user's)
    authorChanged = Signal(str)

    def __init__(
        self,
        layout: ReaderLayout,
        theme: str,
        language: str,
        parent: QWidget | None = None,
        author: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.family = QFontComboBox()
        self.family.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        # Show the face in use (the best installed one when none was chosen); until the user picks
        # another, a change of size or spacing leaves the family as it was.
        self._family = layout.font_family
        shown = layout.font_family or pick_cjk_family()
        if shown:
            self.family.setCurrentFont(QFont(shown))
        self.size = QDoubleSpinBox()
        self.size.setRange(ReaderLayout.MIN_SIZE, ReaderLayout.MAX_SIZE)
        self.size.setSingleStep(0.5)
        self.size.setSuffix(" pt")
        self.size.setValue(layout.font_size)
        self.column = QSpinBox()
        self.column.setRange(8, 80)
        self.column.setSuffix(self.tr(" characters"))
        self.column.setValue(layout.column_chars)
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(1.0, 3.0)
        self.spacing.setSingleStep(0.1)
        self.spacing.setValue(layout.line_spacing)
        self.theme = QComboBox()
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.language = QComboBox()
        for key, label in LANGUAGES:
            self.language.addItem(label or self.tr("Follow the system"), key)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.author = QLineEdit(author)
        self.author.setPlaceholderText(self.tr("the system user's name"))
        self.author.setToolTip(self.tr("Recorded with every correction you make while proofreading"))
        note = QLabel(self.tr("A new language applies the next time Dubao starts."))
        note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Font:"), self.family)
        form.addRow(self.tr("Size:"), self.size)
        form.addRow(self.tr("Column width:"), self.column)
        form.addRow(self.tr("Line spacing:"), self.spacing)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(note)
        form.addRow(self.tr("Your name:"), self.author)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        form.addRow(buttons)

        self.family.currentFontChanged.connect(self._family_chosen)
        self.size.valueChanged.connect(self._layout_changed)
        self.column.valueChanged.connect(self._layout_changed)
        self.spacing.valueChanged.connect(self._layout_changed)
        self.theme.currentIndexChanged.connect(lambda _i: self.themeChanged.emit(self.theme.currentData()))
        self.author.editingFinished.connect(lambda: self.authorChanged.emit(self.author.text().strip()))
        self.language.currentIndexChanged.connect(
            lambda _i: self.languageChanged.emit(self.language.currentData())
        )

    def current_layout(self) -> ReaderLayout:
        return ReaderLayout(
            column_chars=self.column.value(),
            font_family=self._family,
            font_size=self.size.value(),
            line_spacing=round(self.spacing.value(), 2),
        )

    def _family_chosen(self, font: QFont) -> None:
        self._family = font.family()
        self._layout_changed()

    def _layout_changed(self, *_args: object) -> None:
        self.layoutChanged.emit(self.current_layout())
