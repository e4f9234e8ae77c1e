"""What a capability folder (language, annotations, proofreading) may use of the window it joins.

The shell's ``MainWindow`` provides all of it. A capability types its window as ``ReaderHost``
and never imports the shell, so the shell can import the capabilities without a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar

    from models.library.records import PageContent
    from models.library.service import Library
    from models.section import ParsedPage
    from ui.common.settings import Settings
    from ui.common.theme import ReaderColours
    from ui.reader.page_view import PageView


class ReaderHost(Protocol):
    """The reading window as its capabilities see it (a QMainWindow underneath)."""

    #: emitted after a page has been laid out (title)
    pageShown: SignalInstance
    settings: Settings
    colours: ReaderColours
    page_view: PageView
    #: the page shown, None before the first
    page: ParsedPage | None
    #: "file:PATH" or "library:ID"
    page_where: str
    #: None until the library is opened (after the first paint)
    library: Library | None
    #: the library page shown, as the window read it (None before the first)
    page_content: PageContent | None
    view_menu: QMenu

    def open_library(self) -> bool:
        """Open the library if need be; False (the user told why) when it cannot be opened."""
        ...

    def open_library_page(self, page_id: int, in_place: bool = False) -> bool:
        """Show a page of the library (``in_place``: read again after an edit); False when it is gone."""
        ...

    def refresh_library(self) -> None:
        """Refill the library panel (after a page was added)."""
        ...

    def show_error(self, title: str, reason: str) -> None:
        """Tell the user that something failed and why."""
        ...

    def restyle(self) -> None:
        """Lay the page out again after a change of style (font, theme, pinyin above characters)."""
        ...

    # QMainWindow's own
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def addAction(self, action: QAction) -> None: ...  # noqa: N802
    def installEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802
    def activateWindow(self) -> None: ...  # noqa: N802
