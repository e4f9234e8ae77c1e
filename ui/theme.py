"""Light and dark themes: the window palette and the reader's own colours.

"system" follows the desktop's colour scheme (Qt's style hints) and changes
with it; "light" and "dark" override it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class ReaderColours:
    """Colours of the page itself, beyond what the widget palette gives."""

    paper: str
    ink: str
    masthead: str
    kicker: str
    heading: str
    byline: str
    caption: str
    rule: str
    current: str  # the paragraph under the cursor, and its raw lines
    hit: str  # every find-in-page hit
    current_hit: str  # the hit the find bar is on
    dark: bool


LIGHT = ReaderColours(
    paper="#fbf8f1",
    ink="#1d1b18",
    masthead="#b3201c",
    kicker="#5a4a3a",
    heading="#111111",
    byline="#6b6257",
    caption="#55504a",
    rule="#d8d0c2",
    current="#e9e1cf",
    hit="#ffe680",
    current_hit="#ff9d3b",
    dark=False,
)
DARK = ReaderColours(
    paper="#1e1f22",
    ink="#dcdad5",
    masthead="#e0675f",
    kicker="#b8ab97",
    heading="#f2f0ea",
    byline="#a39c90",
    caption="#b0aaa0",
    rule="#3a3b40",
    current="#34404e",
    hit="#6b5a12",
    current_hit="#b3621a",
    dark=True,
)


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark scheme (unknown counts as light)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> ReaderColours:
    """The colours for a theme setting ("system", "light" or "dark")."""
    if theme == "dark" or (theme not in ("light", "dark") and system_is_dark()):
        return DARK
    return LIGHT


def palette_for(colours: ReaderColours) -> QPalette:
    """A full widget palette matching the reader's colours."""
    pal = QPalette()
    if not colours.dark:
        pal.setColor(QPalette.ColorRole.Window, QColor("#f3f0ea"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#1d1b18"))
        pal.setColor(QPalette.ColorRole.Base, QColor(colours.paper))
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#efe9dd"))
        pal.setColor(QPalette.ColorRole.Text, QColor(colours.ink))
        pal.setColor(QPalette.ColorRole.Button, QColor("#ebe6dc"))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor("#1d1b18"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe8"))
        pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d1b18"))
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a847a"))
        pal.setColor(QPalette.ColorRole.Mid, QColor(colours.rule))
        pal.setColor(QPalette.ColorRole.Link, QColor("#2b5aa0"))
    else:
        pal.setColor(QPalette.ColorRole.Window, QColor("#2a2b2f"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#dcdad5"))
        pal.setColor(QPalette.ColorRole.Base, QColor(colours.paper))
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#26272b"))
        pal.setColor(QPalette.ColorRole.Text, QColor(colours.ink))
        pal.setColor(QPalette.ColorRole.Button, QColor("#34353a"))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor("#dcdad5"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#4f7fc4"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#34353a"))
        pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#dcdad5"))
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8d8a84"))
        pal.setColor(QPalette.ColorRole.Mid, QColor(colours.rule))
        pal.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#77746e"))
    return pal


def apply_theme(theme: str) -> ReaderColours:
    """Set the application's style and palette for a theme; return the reader colours."""
    from PySide6.QtWidgets import QApplication

    colours = resolve(theme)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # the one built-in style that honours a dark palette everywhere
        app.setPalette(palette_for(colours))
    return colours
