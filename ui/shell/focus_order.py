"""Where Tab and Shift+Tab take the keyboard in the main window: through its panes in the
order they are seen, left to right.

Qt's own order is the order the widgets were made in: the Annotations dock (made first) came
right after the columns, the scan pane (made after the first paint) only after every dock, a
column out of view (kept hidden until scrolled to) was skipped, and the page's scroll area was
a stop that showed nothing. Here the stops are, in turn: the docks on the left (the raised
one of each tab group, then its tab bar), the docks on top, the find bar and the page's
columns, the scan, the raw text, the docks on the right, the docks below; inside a dock, Qt's
order. Tab into the page lands in the column the editor was in, its caret where it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabBar, QWidget

if TYPE_CHECKING:
    from ui.reader.page_view import PageView

#: The order of the window's parts: docks on the left, on top, the central area, right, below.
_AREA_ORDER = {
    Qt.DockWidgetArea.LeftDockWidgetArea: 0,
    Qt.DockWidgetArea.TopDockWidgetArea: 1,
    Qt.DockWidgetArea.RightDockWidgetArea: 3,
    Qt.DockWidgetArea.BottomDockWidgetArea: 4,
}
_CENTRAL = 2
#: Widgets walked in the focus chain at most (a window has a few hundred).
_CHAIN_LIMIT = 20000


def _takes_tab(widget: QWidget, window: QWidget, touched: list[QWidget]) -> bool:
    """Whether Tab stops at ``widget``; a focus proxy asked for is added to ``touched`` (the
    getter ties its wrapper to ``widget``'s: ``_untangle`` ties it back). ``window.isAncestorOf``,
    not ``widget.window() is window``: that getter made the window its widget's Python child."""
    if not (window.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()):
        return False
    proxy = widget.focusProxy()
    if proxy is not None:
        touched.append(proxy)
        return False
    return (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus


def _area_of_point(window: QMainWindow, point: QPoint) -> int:
    central = window.centralWidget().geometry()
    if point.x() < central.left():
        return _AREA_ORDER[Qt.DockWidgetArea.LeftDockWidgetArea]
    if point.x() > central.right():
        return _AREA_ORDER[Qt.DockWidgetArea.RightDockWidgetArea]
    if point.y() < central.top():
        return _AREA_ORDER[Qt.DockWidgetArea.TopDockWidgetArea]
    return _AREA_ORDER[Qt.DockWidgetArea.BottomDockWidgetArea]


def _place(window: QMainWindow, widget: QWidget) -> tuple[int, int, int] | None:
    """(part of the window, place within it) for sorting; None: not a stop of its own."""
    child = widget
    while child is not None and child.parentWidget() is not window:
        child = child.parentWidget()
    if child is None:
        return None
    if isinstance(child, QDockWidget):
        if child.isFloating() or child.visibleRegion().isEmpty():
            return None  # a window of its own, or tabbed behind another dock (Qt moves it away)
        top_left = child.geometry().topLeft()
        return (_AREA_ORDER.get(window.dockWidgetArea(child), 4), top_left.y(), top_left.x())
    if isinstance(child, QTabBar):  # a group of tabbed docks: after the dock it raises (below it)
        top_left = child.geometry().topLeft()
        return (_area_of_point(window, child.geometry().center()), top_left.y(), top_left.x())
    central = window.centralWidget()
    if child is central:
        # The pieces of the central splitter, left to right.
        inner = widget
        while inner is not None and inner.parentWidget() is not central:
            inner = inner.parentWidget()
        index = central.indexOf(inner) if inner is not None and hasattr(central, "indexOf") else 0
        return (_CENTRAL, max(0, index), 0)
    return None


def _focus_chain(window: QWidget, touched: list[QWidget]) -> list[QWidget]:
    """The widgets after ``window`` in its focus chain, in order, up to the one before it again;
    each widget the walk's getters returned is added to ``touched`` as it comes (``_untangle``).

    The last widget is never asked for its next one: PySide6 makes the widget such a getter
    returns a Python-side child of the widget asked (``a.nextInFocusChain()`` makes the next
    widget ``a``'s), and that would make the window a child of its own last widget."""
    last = window.previousInFocusChain()
    touched.append(last)
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(chain) < _CHAIN_LIMIT:
        chain.append(widget)
        touched.append(widget)
        if widget is last:
            break
        widget = widget.nextInFocusChain()
    return chain


def _untangle(touched: list[QWidget]) -> None:
    """Make each widget a walk touched the Python-side child of its own parent again, as Qt has it.

    A walk round the focus chain (``nextInFocusChain``, ``focusProxy``) makes each widget
    returned the Python-side child of the one it was asked from (PySide6's return-value
    heuristic): the wrappers of widgets Qt made itself were tied into cycles of their own (a
    tree view's header and its viewport, each the other's child: ``viewport.focusProxy()`` is
    the header). The cycle collector, freeing such a cycle, first gives each wrapper the
    ownership of its widget, then deletes the widget: a tree view's header, scroll bars, a
    splitter's handle went out of a live window, and the view laid out its deleted header at
    its next layout (the suite's segfault; docs/proofreading.md, "Worker results").

    ``findChildren`` makes each widget found the Python-side child of the widget it was called
    on; called on each touched widget's parent (``parentWidget``, a getter PySide6 leaves the
    ownership alone for) for its direct children, it puts every touched wrapper back in Qt's
    tree: no cycle, and a widget Qt deletes with its parent (the columns of a page replaced) is
    let go with it. ``window.findChildren(QWidget)`` did this by making every widget the
    window's child, which kept the wrappers of deleted columns' scroll bars and viewports until
    the window closed (80 a page opened)."""
    parents: dict[int, QWidget] = {}
    for widget in touched:
        parent = widget.parentWidget()
        if parent is not None:
            parents.setdefault(id(parent), parent)
    for parent in parents.values():
        parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)


def tab_stops(window: QMainWindow, page_view: PageView) -> list[QWidget]:
    """The widgets Tab visits, in order (the page's columns, all of them, in reading order)."""
    found: list[tuple[tuple[int, int, int], int, QWidget]] = []
    page_key: tuple[int, int, int] | None = None
    touched: list[QWidget] = []  # every widget a getter returned, for _untangle
    try:
        for seen, widget in enumerate(_focus_chain(window, touched), start=1):
            if widget is page_view or page_view.isAncestorOf(widget):
                if page_key is None:
                    page_key = _place(window, page_view)
            elif _takes_tab(widget, window, touched):
                key = _place(window, widget)
                if key is not None:
                    found.append((key, seen, widget))
    finally:
        _untangle(touched)
    if page_key is not None and page_view.isVisible():
        # Every column, hidden ones out of view too (they are shown when the keyboard goes there).
        for number, column in enumerate(page_view.columns):
            if column.isEnabled():
                found.append((page_key, _CHAIN_LIMIT + number, column))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [entry[2] for entry in found]


def move_focus(window: QMainWindow, page_view: PageView, forward: bool) -> bool:
    """Give the keyboard to the next (or previous) stop; False when the focus is somewhere
    this order does not know (Qt's own order then applies)."""
    current = QApplication.focusWidget()
    if current is None or not current.isVisible() or not current.isEnabled():
        # Qt moves the keyboard on from a widget being hidden or disabled through the same call
        # (a column let go while the page is laid out again): its own order, nothing touched.
        return False
    columns = list(page_view.columns)
    if page_view.isAncestorOf(current) and current not in columns:
        active = page_view.active_column()
        current = active if active is not None else current
    stops = tab_stops(window, page_view)
    if current not in stops or len(stops) < 2:
        return False
    index = stops.index(current)
    target = stops[(index + (1 if forward else -1)) % len(stops)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    if target in columns:
        if current not in columns and page_view.active_column() is not None:
            target = page_view.active_column()  # into the page: the column the editor was in
        page_view.focus_column(columns.index(target), keep_caret=True, reason=reason)
        return True
    target.setFocus(reason)
    return True
