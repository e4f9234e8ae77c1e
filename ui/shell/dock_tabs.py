"""A click on a dock's tab gives that dock the keyboard.

Qt raises the dock whose tab is clicked but leaves the keyboard where it was: an editor who
clicked the Outline tab and pressed Down, Down, Return split a paragraph in the column they
had left. Here the dock clicked takes the keys, as Go ▸ Library Panel (Ctrl+Shift+L) and Search
Library (Ctrl+Shift+F) give them: the library's tree on the page shown, the search's query, in
another dock its first widget that takes them. Tabs
chosen from the keyboard (the tab bar has the keys) leave them in the tab bar.

The window's tab bars are made by its layout when docks are tabbed together (and again when
the user drags one onto another): each is watched once, found again whenever a dock moves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTabBar, QWidget

#: a tab bar's dynamic property once its clicks are watched
_WATCHED = "dubaoDockTabClicks"


def _takes_click(widget: QWidget) -> bool:
    """Whether a click gives ``widget`` the keys. Its focus proxy is not asked for (setFocus
    goes to it anyway): that getter makes the proxy the widget's Python-side child, and a view's
    viewport answers with its own parent, a cycle the collector would free by deleting widgets
    of the live window (ui.shell.focus_order._untangle)."""
    return (
        widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.ClickFocus)
    )


def focus_dock(window: Any, dock: QDockWidget) -> None:
    """Give ``dock`` the keyboard (it is shown and raised)."""
    if dock is getattr(window, "library_dock", None):
        window.focus_library_panel()
        return
    if dock is getattr(window, "search_dock", None):
        window.search_panel.field.setFocus(Qt.FocusReason.MouseFocusReason)
        return
    content = dock.widget()
    if content is None:
        return
    first = _first_taking_click(content)
    if first is not None:
        first.setFocus(Qt.FocusReason.MouseFocusReason)


def _first_taking_click(widget: QWidget) -> QWidget | None:
    """``widget`` or its first descendant (depth first) that takes a click's focus. Each level's
    direct children only: ``findChildren`` makes the widgets it returns Python-side children of
    the one asked, and so they stay each its own parent's (ui.shell.focus_order._untangle)."""
    if _takes_click(widget):
        return widget
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isWindow():
            found = _first_taking_click(child)
            if found is not None:
                return found
    return None


class DockTabClicks(QObject):
    """Watches the window's dock tab bars (made once per window, with its capabilities)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        for dock in window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.watch_dock(dock)
        self.find_tab_bars()

    def watch_dock(self, dock: QDockWidget) -> None:
        """Find the tab bars again whenever ``dock`` goes to another place (tabbed by a drag)."""
        dock.dockLocationChanged.connect(self._soon)
        dock.topLevelChanged.connect(self._soon)

    def _soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self.find_tab_bars)  # after the layout has made the group's bar

    def find_tab_bars(self) -> None:
        window = self.window
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not bar.property(_WATCHED):
                bar.setProperty(_WATCHED, True)
                bar.tabBarClicked.connect(lambda index, b=bar: self._clicked(b, index))

    def _clicked(self, bar: QTabBar, index: int) -> None:
        if index < 0:
            return
        title = bar.tabText(index)
        docks = self.window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        dock = next((d for d in docks if d.windowTitle() == title and not d.isFloating()), None)
        if dock is not None:
            # After the press: the tab bar raises the dock first (and a focus it takes on the press
            # would come after a focus given now). Only if the click made it the current tab: a
            # right or middle click (which Qt signals too) raises nothing, and a tabbed dock behind
            # another still says it is visible.
            QTimer.singleShot(0, lambda: self._focus_if_raised(bar, index, dock))

    def _focus_if_raised(self, bar: QTabBar, index: int, dock: QDockWidget) -> None:
        if bar.currentIndex() == index and dock.isVisible():
            focus_dock(self.window, dock)
