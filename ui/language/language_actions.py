"""The language layer's actions and menus (Words, View ▸ Pinyin Above Characters, Spoken Tones,
Tone Colours) and the display choices they toggle (remembered in the settings).

Mixin of :class:`ui.language.language_help.LanguageHelp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ui.language.column_overlay import ColumnOverlay
    from ui.language.language_settings import LanguageSettings


class LanguageActions:
    """Actions, menus and display choices of one window."""

    window: Any
    prefs: LanguageSettings
    overlays: list[ColumnOverlay]
    texts: Any

    def _page_action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        """An action whose key works while the reading view has the keyboard."""
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.window.page_view.addAction(action)
        return action

    def _make_actions(self) -> None:
        w = self.window
        self.next_word_action = self._page_action(
            self.tr("Next &Word"), lambda: self.move_cursor(1), "Ctrl+Right"
        )
        self.previous_word_action = self._page_action(
            self.tr("Previous W&ord"), lambda: self.move_cursor(-1), "Ctrl+Left"
        )
        self.add_word_action = self._page_action(
            self.tr("&Add Word to Vocabulary"), self.add_to_vocabulary, "R"
        )
        self.set_reading_action = QAction(self.tr("Set &Reading…"), w)
        self.set_reading_action.triggered.connect(lambda: self.edit_reading(self.cursor or self.hovered))
        self.vocabulary_action = QAction(self.tr("&Vocabulary…"), w)
        self.vocabulary_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.vocabulary_action.triggered.connect(self.show_vocabulary)
        w.addAction(self.vocabulary_action)
        self.export_overrides_action = QAction(self.tr("&Export Reading Overrides…"), w)
        self.export_overrides_action.triggered.connect(self.export_overrides)
        self.ruby_action = QAction(self.tr("&Pinyin Above Characters"), w, checkable=True)
        self.ruby_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.ruby_action.setChecked(self.prefs.ruby())
        self.ruby_action.toggled.connect(self.set_ruby)
        w.addAction(self.ruby_action)
        self.spoken_action = QAction(self.tr("&Spoken Tones"), w, checkable=True)
        self.spoken_action.setChecked(self.prefs.spoken())
        self.spoken_action.toggled.connect(self.set_spoken)
        self.tone_actions = QActionGroup(w)
        for scheme, label in (
            ("standard", self.tr("&Standard")),
            ("pleco", self.tr("&Pleco")),
            ("none", self.tr("&No Colours")),
        ):
            action = QAction(label, w, checkable=True)
            action.setData(scheme)
            action.setChecked(scheme == self.prefs.tone_scheme())
            action.triggered.connect(lambda _checked=False, s=scheme: self.set_tone_scheme(s))
            self.tone_actions.addAction(action)

    def _make_menus(self) -> None:
        w = self.window
        view = w.view_menu
        view.addSeparator()
        view.addAction(self.ruby_action)
        view.addAction(self.spoken_action)
        tones = view.addMenu(self.tr("Tone &Colours"))
        tones.addActions(self.tone_actions.actions())
        self.words_menu = QMenu(self.tr("&Words"), w)
        self.words_menu.addAction(self.next_word_action)
        self.words_menu.addAction(self.previous_word_action)
        self.words_menu.addSeparator()
        self.words_menu.addAction(self.add_word_action)
        self.words_menu.addAction(self.set_reading_action)
        self.words_menu.addSeparator()
        self.words_menu.addAction(self.vocabulary_action)
        self.words_menu.addAction(self.export_overrides_action)
        actions = w.menuBar().actions()
        w.menuBar().insertMenu(actions[-1] if actions else None, self.words_menu)

    def set_ruby(self, shown: bool) -> None:
        """Pinyin above every character of the page (on or off, remembered)."""
        self.prefs.set_ruby(bool(shown))
        if self.ruby_action.isChecked() != bool(shown):
            self.ruby_action.setChecked(bool(shown))
        if shown:
            self.start_loading()
        self.window.restyle()
        for overlay in self.overlays:
            if overlay.column.is_masthead:
                overlay.column.fit_height()  # the pinyin band makes it taller
            overlay.update()

    def set_spoken(self, spoken: bool) -> None:
        self.prefs.set_spoken(bool(spoken))
        if self.spoken_action.isChecked() != bool(spoken):
            self.spoken_action.setChecked(bool(spoken))
        if self.texts is not None:
            self._apply_readings()

    def set_tone_scheme(self, scheme: str) -> None:
        self.prefs.set_tone_scheme(scheme)
        for action in self.tone_actions.actions():
            action.setChecked(action.data() == scheme)
        for overlay in self.overlays:
            overlay.scheme = self.prefs.tone_scheme()
            overlay.update()
        self._refresh_popup()
