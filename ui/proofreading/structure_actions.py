"""Edit ▸ Structure: the actions that change paragraphs, roles, articles and reading order.

Each action points with the caret (the active column's section and the caret's code-point
offset in its text) and names one of the core's structure operations
(``Library.split_paragraph``, ``set_role``, ``split_section``, ``move_section`` …); the
proofreading session runs it as one undoable step and shows the page again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


@dataclass(frozen=True)
class StructureStep:
    """What an action asks of the core: an operation and its argument (a role, a kind, a move)."""

    operation: str  # split_paragraph, join_paragraph, role, split_section, join_section, kind, move
    value: str | int = ""


class StructureActions(QObject):
    """The actions, made once per window; ``run`` does the step (the session's)."""

    def steps(self) -> list[tuple[str, StructureStep, str | None] | None]:
        """(menu text, step, shortcut) in menu order; None is a separator."""
        return [
            (self.tr("&Split Paragraph at Cursor"), StructureStep("split_paragraph"), "Ctrl+Return"),
            (self.tr("&Join Paragraph with Next"), StructureStep("join_paragraph"), "Ctrl+J"),
            None,
            (self.tr("Make &Heading"), StructureStep("role", "heading"), "Ctrl+Alt+H"),
            (self.tr("Make K&icker"), StructureStep("role", "kicker"), "Ctrl+Alt+K"),
            (self.tr("Make S&ubheading"), StructureStep("role", "subheading"), "Ctrl+Alt+S"),
            (self.tr("Make &Byline"), StructureStep("role", "byline"), "Ctrl+Alt+B"),
            (self.tr("Make B&ody Text"), StructureStep("role", "body"), "Ctrl+Alt+P"),
            None,
            (self.tr("Split &Article Here"), StructureStep("split_section"), "Ctrl+Alt+Return"),
            (self.tr("Join Article with &Next"), StructureStep("join_section"), "Ctrl+Alt+J"),
            (self.tr("Move Section &Earlier"), StructureStep("move", -1), "Ctrl+Shift+PgUp"),
            (self.tr("Move Section &Later"), StructureStep("move", 1), "Ctrl+Shift+PgDown"),
        ]

    def kinds(self) -> list[tuple[str, str]]:
        """(menu text, kind) for Section Kind ▸."""
        return [
            (self.tr("&Article"), "article"),
            (self.tr("&Caption"), "caption"),
            (self.tr("&Masthead"), "masthead"),
            (self.tr("&Other"), "other"),
        ]

    def __init__(self, window: QWidget, run: Callable[[StructureStep], None]) -> None:
        super().__init__(window)
        self.actions: list[QAction] = []
        self.by_step: dict[StructureStep, QAction] = {}
        self.kind_actions: list[QAction] = []
        self._layout: list[QAction | None] = []
        for item in self.steps():
            if item is None:
                self._layout.append(None)
                continue
            text, step, keys = item
            action = QAction(text, window)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=step: run(s))
            window.addAction(action)
            self.actions.append(action)
            self.by_step[step] = action
            self._layout.append(action)
        for text, kind in self.kinds():
            action = QAction(text, window)
            action.triggered.connect(lambda _checked=False, k=kind: run(StructureStep("kind", k)))
            self.kind_actions.append(action)

    def set_enabled(self, enabled: bool) -> None:
        for action in (*self.actions, *self.kind_actions):
            action.setEnabled(enabled)

    def fill(self, menu: QMenu) -> None:
        """Put the actions in a menu (Edit ▸ Structure, or a column's context menu)."""
        for action in self._layout:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        kinds = menu.addMenu(self.tr("Section &Kind"))
        kinds.addActions(self.kind_actions)
