"""The keyboard back to the main window when one of its dialogs closes.

A window manager gives the keys back to a dialog's parent window when the dialog closes; with
none (a bare X server, a kiosk session) or one that does not, no window is active afterwards:
typing may still reach the text, but no shortcut does (Ctrl+Z, Ctrl+I, F8 …) until a click.
When a dialog of the window hides and no window is active on the next turn of the event loop,
the window asks to be active again; Qt then gives the keys to the widget that had them (the
column, the caret where it was). With a window manager that did it already, nothing happens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class KeysBack(QObject):
    """Watches the dialogs made with ``window`` as their parent (each once, when polished)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.ChildPolished:
                child = event.child()  # type: ignore[attr-defined]
                if isinstance(child, QDialog) and not child.property("dubaoKeysBack"):
                    child.setProperty("dubaoKeysBack", True)
                    child.installEventFilter(self)
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            QTimer.singleShot(0, self._back)
        return False

    def _back(self) -> None:
        if (
            QApplication.activeWindow() is None
            and self.window.isVisible()
            and not QApplication.activeModalWidget()
        ):
            self.window.activateWindow()
