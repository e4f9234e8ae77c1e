"""The window's capabilities beyond reading, built just after the first paint.

The page, its outline, the raw text and the library's panels paint first. The word layer
(language), highlights with the annotations panel, backups, re-parsing, the scan and
proofreading are built on the next pass of the event loop (``MainWindow.build_capabilities``),
or at once when one of them is asked for (``window.language``…), when a key or a mouse button is
pressed in the application, or when the window closes, whichever comes first. Their modules
(and the core's proofreading and annotation modules they import) load then too. Once built,
the page shown is shown to them (``pageShown`` again), so its highlights and word layer appear.

The annotations dock is made before the first paint (an empty placeholder, as the session
shows it before a library page) so the columns do not narrow when the session takes it, and
the window's saved state places it from the start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QTimer

#: the main window (not imported: it imports this module)
MainWindow = Any

#: input that builds the capabilities at once if they are not yet (a shortcut is matched after
#: ShortcutOverride is sent, so the capabilities' own shortcuts answer the first key too)
_FIRST_INPUT = {
    QEvent.Type.ShortcutOverride,
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.ContextMenu,
}


class FirstInput(QObject):
    """Builds the window's capabilities when the user first presses a key or a button.

    It watches the whole application from the window's first paint (``install``; the window
    takes no input before it is on screen) until they are built. Not before: every event of
    the start-up would pass through Python, and the first object PySide6 had not yet wrapped
    would make it build the enum types of every QObject class it knows (~70, 10-15 ms)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.installed = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self.installed:
            app.installEventFilter(self)
            self.installed = True

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self.installed:
            app.removeEventFilter(self)
            self.installed = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _FIRST_INPUT:
            self.remove()
            self.window.build_capabilities()
        elif kind == QEvent.Type.MouseMove:
            # The mouse over a word of the page: build them now and show that word's popup
            # (or "Loading…" until the words are read), as the built window would.
            column = next((c for c in self.window.page_view.columns if c.viewport() is watched), None)
            if column is not None:
                self.remove()
                self.window.build_capabilities()
                point = QPointF(event.position())
                QTimer.singleShot(0, lambda: _hover(self.window, column, point))
        return False


def _hover(window: MainWindow, column, point: QPointF) -> None:
    """What the word layer does for the mouse at ``point`` over ``column`` (if still shown)."""
    language = window.language
    if language is not None and column in window.page_view.columns and column.isVisible():
        language.set_hovered(column, language.place_at(column, point))


def build(window: MainWindow) -> dict[str, object]:
    """Make the capabilities and put their actions and menus in the window's menus."""
    from ui.annotations.highlight_session import AnnotationSession
    from ui.language.language_help import LanguageHelp
    from ui.library.library_backup import LibraryBackup
    from ui.library.library_reparse import LibraryReparse
    from ui.proofreading.proofreading_session import ProofreadingSession
    from ui.proofreading.scan_pane import ScanSession
    from ui.proofreading.text_export import ProofreadExport

    built = window._capabilities
    built["language"] = LanguageHelp(window)  # word popups, pinyin above characters, vocabulary
    annotation_session = built["annotation_session"] = AnnotationSession(window)  # highlights, undo/redo
    library_backup = built["library_backup"] = LibraryBackup(window)  # File ▸ Back Up Library…
    window.file_menu.insertAction(window.quit_action, library_backup.action)
    window.file_menu.insertSeparator(window.quit_action)
    library_reparse = built["library_reparse"] = LibraryReparse(window)  # Library ▸ Re-parse …
    bar_actions = window.menuBar().actions()
    after_go = bar_actions.index(window.go_menu.menuAction()) + 1
    window.menuBar().insertMenu(
        bar_actions[after_go] if after_go < len(bar_actions) else None, library_reparse.menu
    )
    scan_session = built["scan_session"] = ScanSession(window)  # the scan beside the columns (Ctrl+I)
    window.splitter.insertWidget(1, scan_session.pane)
    window.splitter.setStretchFactor(1, 2)
    scan_session.toggle_action.toggled.connect(window._share_splitter)
    if window.settings.scan_shown():
        scan_session.set_shown(True, focus=False)  # the columns keep the keys
    _insert_after(window.file_menu, window.import_action, scan_session.attach_action)
    _insert_after(window.view_menu, window.toggle_raw_action, scan_session.toggle_action)
    # corrections, structure edits and the checker's flags (issue 8)
    built["proofreading"] = ProofreadingSession(
        window, window.edit_menu, window.help_menu, before=window.find_action  # after Cut … Select All
    )
    export = built["proofread_export"] = ProofreadExport(window)  # File ▸ Export Proofread Text…
    window.file_menu.insertAction(library_backup.action, export.action)
    # A click on a dock's tab gives it the keyboard (Qt leaves it in the column).
    from ui.shell.dock_tabs import DockTabClicks

    built["dock_tabs"] = DockTabClicks(window)
    # Undo and redo head the Edit menu: one history for highlights and corrections alike.
    first = window.edit_menu.actions()[0]
    window.edit_menu.insertActions(first, [annotation_session.undo_action, annotation_session.redo_action])
    window.edit_menu.insertSeparator(first)
    return built


def _insert_after(menu, anchor, action) -> None:
    """Put an action just after another in a menu (at the end if the anchor is last)."""
    actions = menu.actions()
    index = actions.index(anchor) + 1 if anchor in actions else len(actions)
    menu.insertAction(actions[index] if index < len(actions) else None, action)
