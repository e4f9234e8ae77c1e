"""Light and dark themes: the window palette and the reader's own colours.

"system" follows the desktop's colour scheme (Qt's style hints) and changes
with it; "light" and "dark" override it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


class ReaderColours(NamedTuple):
    """Colours of the page itself, beyond what the widget palette gives. (A named tuple, not a
    frozen dataclass: ~0.6 ms less of start-up CPU a class, issue 11.)"""

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


Role = QPalette.ColorRole

#: The window's own colours, (light, dark) per role; paper, ink and rules come from the reader.
_CHROME: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#f3f0ea", "#2a2b2f"),
    Role.WindowText: ("#1d1b18", "#dcdad5"),
    Role.AlternateBase: ("#efe9dd", "#26272b"),
    Role.Button: ("#ebe6dc", "#34353a"),
    Role.ButtonText: ("#1d1b18", "#dcdad5"),
    Role.Highlight: ("#3d6fb6", "#4f7fc4"),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.ToolTipBase: ("#fffbe8", "#34353a"),
    Role.ToolTipText: ("#1d1b18", "#dcdad5"),
    Role.PlaceholderText: ("#8a847a", "#8d8a84"),
    Role.Link: ("#2b5aa0", "#8ab4f8"),
}


def palette_for(colours: ReaderColours) -> QPalette:
    """A full widget palette matching the reader's colours."""
    pal = QPalette()
    for role, (light, dark) in _CHROME.items():
        pal.setColor(role, QColor(dark if colours.dark else light))
    pal.setColor(Role.Base, QColor(colours.paper))
    pal.setColor(Role.Text, QColor(colours.ink))
    pal.setColor(Role.Mid, QColor(colours.rule))
    # Greyed when disabled, in both themes (setColor above set every group: a disabled menu
    # item or button looked as enabled as the others in the light theme).
    disabled = QColor("#77746e" if colours.dark else "#a19b90")
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


#: a property of an application made by ``new_application``: it has the Fusion style already
_FUSION_GIVEN = "dubaoFusionGiven"


def new_application(argv: list[str]) -> QApplication:
    """The application, with the Fusion style (the one built-in style that honours a dark palette
    everywhere) given by Qt's ``-style`` option: ``apply_theme`` then need not ask it for its
    style (the first QStyle that reaches Python makes PySide6 build ~570 enum members, 10-15 ms
    of a start-up's CPU)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty(_FUSION_GIVEN, True)
    return app


def apply_theme(theme: str) -> ReaderColours:
    """Set the application's style and palette for a theme; return the reader colours."""
    from PySide6.QtWidgets import QApplication

    colours = resolve(theme)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if not app.property(_FUSION_GIVEN) and app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # the one built-in style that honours a dark palette everywhere
        app.setPalette(palette_for(colours))
    return colours
