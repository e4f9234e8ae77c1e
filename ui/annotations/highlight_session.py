"""Annotating in the main window: the annotations dock, marking keys, undo/redo, painting.

One AnnotationSession per window. It opens the core's ``Annotations`` on the window's library
when a library page is shown, puts painters and key handlers on that page's columns, and
turns the core's change notices into repaints of the page and of the panel (the core tells
*what* changed, each view refreshes if concerned). Offsets cross from Qt's UTF-16 positions
to the core's code points in ``ui.annotations.highlight_positions`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.annotations.annotations_dock import annotations_dock
from ui.annotations.highlight_marking import ColumnMarking
from ui.annotations.highlight_painter import HighlightPainter
from ui.annotations.highlight_positions import SectionPositions
from ui.common.export_paths import ask_save_path
from ui.common.library_writes import run_write
from ui.common.open_paths import ask_open_paths
from ui.common.step_labels import StepLabels
from ui.common.tooltips import menu_text

#: the export's file types after the two W3C ones (highlights and corrections only, the default;
#: with structure edits)
TABLE_FILTERS = "CSV (*.csv);;Markdown (*.md)"
IMPORT_FILTER = "W3C Web Annotation (*.jsonld *.json)"

if TYPE_CHECKING:
    from models.annotations.records import Changed, HighlightInfo
    from models.annotations.service import AnnotatedPage, Annotations
    from ui.annotations.annotations_panel import AnnotationsPanel


class AnnotationSession(QObject):
    """Highlights, the annotations panel and their keys, for one main window."""

    #: a core change notice, re-emitted on the Qt side
    changed = Signal(object)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.annotations: Annotations | None = None
        self.page: AnnotatedPage | None = None
        self.panel: AnnotationsPanel | None = None
        #: proofreading mode is on (1–9 type in the text)
        self.proofreading = False
        self.painters: list[HighlightPainter] = []
        self.markings: list[ColumnMarking] = []
        #: column id -> its painter and marking, kept while the same page is shown again
        self._kept: dict[int, tuple[HighlightPainter, ColumnMarking]] = {}
        self.chosen: HighlightInfo | None = None
        self._labels = StepLabels(self)  # the core's step names in the window's language
        self._pending: list[Changed] = []
        self._pending_choice: HighlightInfo | None = None
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self._flush_panel)
        self.dock = annotations_dock(window)  # made by the window before its first paint
        self.undo_action = self._action(
            self.tr("&Undo"), self.undo, [QKeySequence(QKeySequence.StandardKey.Undo)]
        )
        self.redo_action = self._action(
            self.tr("&Redo"),
            self.redo,
            _redo_keys(),
        )
        self.tags_action = self._action(self.tr("&Tags…"), self.show_tag_manager, [])
        self.categories_action = self._action(self.tr("&Categories…"), self.show_category_editor, [])
        from ui.annotations.annotation_exchange import AnnotationExchange

        self.exchange = AnnotationExchange(self)  # export and import of the annotations
        self.export_action = self._action(self.tr("&Export Annotations…"), self.export_annotations, [])
        self.import_action = self._action(self.tr("&Import Annotations…"), self.import_annotations, [])
        #: the file questions, replaceable in tests: (path or "", chosen filter)
        self.ask_save_path: Callable[[], tuple[str, str]] = lambda: ask_save_path(
            self.window, self.tr("Export Annotations"), "annotations.jsonld", self.export_filters()
        )
        self.ask_open_path: Callable[[], tuple[str, str]] = lambda: (
            next(iter(ask_open_paths(self.window, self.tr("Import Annotations"), IMPORT_FILTER)), ""),
            IMPORT_FILTER,
        )
        menu = QMenu(self.tr("&Annotate"), window)
        bar_actions = window.menuBar().actions()  # before Help, which stays last
        window.menuBar().insertMenu(bar_actions[-1] if bar_actions else None, menu)
        menu.addAction(self.tags_action)
        menu.addAction(self.categories_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        menu.addAction(self.dock.toggleViewAction())
        self.menu = menu
        self._update_actions()
        self.changed.connect(self._apply_change)
        window.pageShown.connect(self._page_shown)  # type: ignore[attr-defined]

    def export_filters(self) -> str:
        """The export dialog's file types: W3C with highlights and corrections only (first, the
        default: issue 8's file, which every version of Dubao and other tools read, as the CLI's
        default), W3C with the editors' structure edits (read by this version or later: an
        earlier one refuses the whole file), CSV, Markdown. A file type, not a check box: the
        dialog may be the desktop's own, where no widget of ours can be added."""
        return ";;".join((self.w3c_without_structure_filter(), self.w3c_filter(), TABLE_FILTERS))

    def w3c_filter(self) -> str:
        return self.tr("W3C Web Annotation with structure edits (*.jsonld *.json)")

    def w3c_without_structure_filter(self) -> str:
        return self.tr("W3C Web Annotation, highlights and corrections only (*.jsonld *.json)")

    def _action(self, text: str, slot, keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- the core -------------------------------------------------------------------------------
    def ensure(self) -> Annotations | None:
        """The window library's annotations (None while no library is open)."""
        library = getattr(self.window, "library", None)
        if library is None:
            return None
        if self.annotations is None or self.annotations.library is not library:
            from models.annotations.service import Annotations
            from ui.annotations.annotations_panel import AnnotationsPanel

            self.annotations = Annotations(library)
            self.annotations.subscribe(self.changed.emit)
            self.panel = AnnotationsPanel(self.annotations)
            self.panel.highlightActivated.connect(self.show_passage)
            self.panel.highlightSelected.connect(self._selected_in_panel)
            self.panel.details.failed.connect(self._say)
            # The dock keeps the width it had (the user's, or its hint's): the panel's larger
            # size hint would widen it and narrow the page's columns the moment a page enters
            # the library (F2 on a page from a file).
            width = self.dock.width()
            self.dock.setWidget(self.panel)
            if self.dock.isVisible() and not self.dock.isFloating():
                self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
            self.set_proofreading(self.proofreading)
        return self.annotations

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    def set_proofreading(self, active: bool) -> None:
        """In proofreading mode 1–9 type: the panel must not tell the editor to press them."""
        self.proofreading = active
        if self.panel is not None:
            self.panel.details.set_hint(
                self.tr("Proofreading: 1–9 type in the text. Leave with F2 to highlight.") if active else ""
            )

    # --- the page -------------------------------------------------------------------------------
    def _page_shown(self, _title: str = "") -> None:
        where = getattr(self.window, "page_where", "")
        # The same page shown again after an edit keeps its columns: their painters stay (each
        # knows what it painted, so only stretches that changed are formatted again).
        shown = {id(c) for c in self.window.page_view.columns}  # type: ignore[attr-defined]
        same_page = self.page is not None and where == f"library:{self.page.page_id}"
        self._release_kept()
        for painter, marking in zip(self.painters, self.markings, strict=False):
            if same_page and id(painter.column) in shown:
                self._kept[id(painter.column)] = (painter, marking)
            else:
                painter.detach()
                marking.detach()
        for old in self.markings[len(self.painters) :]:
            old.detach()
        self.painters, self.markings = [], []
        self.page = None
        if self.chosen is not None and f"library:{self.chosen.page_id}" != where:
            self.chosen = None
        annotations = self.ensure() if where.startswith("library:") else None
        if annotations is None:
            self._release_kept()
            if self.panel is not None:
                self.panel.set_page(None)
            # 1-9 still answer on a page outside the library, saying why nothing is marked.
            for column in self.window.page_view.columns:  # type: ignore[attr-defined]
                marking = ColumnMarking(column, HighlightPainter(column), dict)
                marking.markRequested.connect(self.mark)
                self.markings.append(marking)
            return
        page_id = int(where.split(":", 1)[1])
        content = getattr(self.window, "page_content", None)  # the window has just read it
        # Opening re-anchors highlights whose words moved and saves their new places: a write like
        # any other, so a locked or full library is told (with Retry) and nothing is painted.
        run_write(
            self.window,
            self.tr("The highlights' new places"),
            lambda: annotations.open_page(
                page_id, content if content and content.info.id == page_id else None
            ),
            lambda page: self._show_annotated(page, where),
            refused=self._say,
        )

    def _release_kept(self) -> None:
        for painter, marking in self._kept.values():
            painter.detach()
            marking.detach()
        self._kept = {}

    def _show_annotated(self, page: AnnotatedPage, where: str) -> None:
        if getattr(self.window, "page_where", "") != where or self.painters:
            return  # the reader has moved on (a retry after turning the page)
        self.page = page
        kept, self._kept = self._kept, {}
        for column in self.window.page_view.columns:  # type: ignore[attr-defined]
            if id(column) in kept:
                painter, marking = kept.pop(id(column))
                self.painters.append(painter)
                self.markings.append(marking)
                continue
            painter = HighlightPainter(column)
            painter.is_dark = lambda: bool(getattr(self.window, "colours", None) and self.window.colours.dark)  # type: ignore[attr-defined]
            marking = ColumnMarking(column, painter, self._categories)
            marking.markRequested.connect(self.mark)
            marking.highlightChosen.connect(self.choose)
            self.painters.append(painter)
            self.markings.append(marking)
        self._kept = kept
        self._release_kept()
        self.paint()
        if self.panel is not None:
            self.panel.set_page(self.page.page_id)
            self.panel.model.prime(self.page.highlights)
        if self.page.placing.unanchored:
            self._say(
                self.tr(
                    "%n highlights could not be placed after the text changed; see the Annotations panel",
                    "",
                    len(self.page.placing.unanchored),
                )
            )

    def _categories(self) -> dict[int, Any]:
        return {c.id: c for c in self.annotations.categories()} if self.annotations else {}

    def paint(self, sections: set[int | None] | None = None) -> None:
        """Repaint the columns of some sections (by section id), or of all."""
        if self.page is None:
            return
        categories = self._categories()
        dark = bool(self.window.colours.dark)  # type: ignore[attr-defined]
        by_section: dict[int | None, list[HighlightInfo]] = {}
        for h in self.page.highlights:  # one pass, not one per column
            if h.anchored:
                by_section.setdefault(h.section_id, []).append(h)
        for index, painter in enumerate(self.painters):
            if index < len(self.page.texts) and (
                sections is None or self.page.section_ids[index] in sections
            ):
                painter.set_highlights(by_section.get(self.page.section_ids[index], []), categories, dark)

    def _apply_change(self, change: Changed) -> None:
        from models.annotations.texts import section_hashes

        # The page first (what the user is looking at), the panel on the next turn of the loop.
        page, annotations = self.page, self.annotations
        if page is not None and annotations is not None:
            if change.categories:
                page.highlights = annotations.page_highlights(page.page_id)
                self.paint()
            elif getattr(change, "text", False) and page.page_id in change.page_ids:
                pass  # the page's text changed: the window shows it again, which places the highlights
            elif page.page_id in change.page_ids:
                ids = change.highlight_ids
                sections = {h.section_id for h in page.highlights if h.id in ids}
                fresh = [
                    h for h in annotations.records(list(ids)) if h.page_id == page.page_id and not h.deleted
                ]
                hashes = dict(zip(page.section_ids, section_hashes(page.texts), strict=True))
                if any(h.anchored and hashes.get(h.section_id) != h.text_hash for h in fresh):
                    # Brought back (a redo) with offsets into text that has changed since: place it first.
                    self.page = annotations.open_page(page.page_id, page.content)
                    self.page.highlights = annotations.page_highlights(page.page_id)
                    self.paint()
                else:
                    page.highlights = [h for h in page.highlights if h.id not in ids] + fresh
                    self.paint(sections | {h.section_id for h in fresh})
        self._pending.append(change)
        self._panel_timer.start()
        self._update_actions()

    def _flush_panel(self) -> None:
        """Hand the panel every change since it last heard, as one, then the chosen highlight."""
        from models.annotations.records import Changed

        pending, self._pending = self._pending, []
        if self.panel is None:
            return
        if pending:
            self.panel.changed(
                Changed(
                    label=pending[-1].label,
                    highlight_ids=frozenset().union(*(c.highlight_ids for c in pending)),
                    page_ids=frozenset().union(*(c.page_ids for c in pending)),
                    tags=any(c.tags for c in pending),
                    categories=any(c.categories for c in pending),
                )
            )
        choice, self._pending_choice = self._pending_choice, None
        if choice is not None and not self.panel.select(choice.id):
            self.panel.show_details(choice)

    def _update_actions(self) -> None:
        a = self.annotations
        undo = a.history.undo_label() if a else None
        redo = a.history.redo_label() if a else None
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        def name(label: str) -> str:  # page text or a category's name in the item
            return menu_text(self._labels.name(label))

        self.undo_action.setText(self.tr("&Undo %1").replace("%1", name(undo)) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", name(redo)) if redo else self.tr("&Redo"))

    def _show_in_library(self, section: int, start: int, end: int) -> bool:
        """Highlights live in the library: show the page from there (adding a page opened
        from a file first), provided the same words stand at the same place."""
        from models.annotations.texts import section_text

        w = self.window
        page = getattr(w, "page", None)
        language = getattr(w, "language", None)
        if page is None or language is None or section >= len(page.sections):
            self._say(self.tr("Only pages in the library can be annotated."))
            return False
        words = section_text(page.sections[section])[start:end]
        page_id = language.library_page_id(create=True)
        if page_id is None or not w.open_library_page(page_id) or self.page is None:
            self._say(self.tr("Only pages in the library can be annotated."))
            return False
        shown = w.page.sections
        if section >= len(shown) or section_text(shown[section])[start:end] != words:
            # The library's copy reads differently here (a correction): let the reader look again.
            self._say(self.tr("The page is now shown from the library; select the words again."))
            return False
        return True

    # --- operations -----------------------------------------------------------------------------
    def mark(self, section: int, start: int, end: int, key: int) -> HighlightInfo | None:
        """Highlight a span of a section (code points) with the category of key 1–9.

        The highlight is painted, chosen and reported only once it is saved; a failed save is
        told in a message box offering Retry, and the selection stays meanwhile.
        """
        if (self.annotations is None or self.page is None) and not self._show_in_library(section, start, end):
            return None
        category = self.annotations.category_for_key(key)
        if category is None:
            self._say(self.tr("No category on key %1").replace("%1", str(key)))
            return None
        annotations, page = self.annotations, self.page

        def saved(made: HighlightInfo) -> None:
            self._say(self.tr("Highlighted as %1").replace("%1", category.name))
            if self.page is page:
                # Let go of the selection so the new colour shows; the cursor stays at the mark's end.
                column = self.window.page_view.columns[section]  # type: ignore[attr-defined]
                cursor = column.textCursor()
                cursor.setPosition(cursor.selectionEnd())
                column.setTextCursor(cursor)
                self.choose(made)

        return run_write(
            self.window,
            self.tr("The highlight"),
            lambda: annotations.create(page, section, start, end, category.id),
            saved,
            refused=self._say,
        )

    def undo(self) -> None:
        self._history(forward=False)

    def redo(self) -> None:
        self._history(forward=True)

    def _history(self, forward: bool) -> None:
        annotations = self.annotations
        if annotations is None:
            return

        def done(change: Changed | None) -> None:
            self._update_actions()
            if change is None:
                return
            label = self._labels.name(change.label)
            self._say((self.tr("Redone: %1") if forward else self.tr("Undone: %1")).replace("%1", label))
            # One highlight brought back (a redone mark, an undone delete): make it the chosen one.
            if len(change.highlight_ids) == 1:
                back = annotations.records(list(change.highlight_ids))
                if back and not back[0].deleted:
                    self.choose(back[0])

        def refused(message: str) -> None:
            self._say(message)
            self._update_actions()

        run_write(
            self.window,
            self.tr("The redo") if forward else self.tr("The undo"),
            annotations.redo if forward else annotations.undo,
            done,
            refused,
        )

    def choose(self, highlight: HighlightInfo) -> None:
        """Make a highlight the chosen one: selected in the panel, its details shown."""
        self.chosen = highlight
        self.dock.show()
        if self._panel_timer.isActive():
            self._pending_choice = highlight  # once the panel has caught up
        elif self.panel is not None and not self.panel.select(highlight.id):
            self.panel.show_details(highlight)

    def _selected_in_panel(self, highlight: HighlightInfo | None) -> None:
        self.chosen = highlight

    def show_passage(self, highlight: HighlightInfo) -> bool:
        """Open the highlight's page and select its words (an unanchored one: just its page)."""
        if self.page is None or self.page.page_id != highlight.page_id:
            if not self.window.open_library_page(highlight.page_id):  # type: ignore[attr-defined]
                return False
        if self.page is None:
            return False
        current = next((h for h in self.page.highlights if h.id == highlight.id), highlight)
        index = self.page.section_index(current.section_id) if current.anchored else None
        if index is None or index >= len(self.window.page_view.columns):  # type: ignore[attr-defined]
            self._say(self.tr("This highlight's words are no longer on the page (unanchored)."))
            return False
        view = self.window.page_view  # type: ignore[attr-defined]
        column = view.columns[index]
        start, end = SectionPositions(column).span_to_document(current.start, current.end)
        view.focus_column(index)
        cursor = column.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        column.setTextCursor(cursor)
        column.ensureCursorVisible()
        view.ensure_column_visible(index)
        return True

    def export_annotations(self) -> str | None:
        """Write the shown page's issue's annotations (else the library's) to a file; its path."""
        return self.exchange.export_annotations()

    def import_annotations(self) -> Any:
        """Merge a W3C annotation file into the library; the report (added, merged, unanchored)."""
        return self.exchange.import_annotations()

    def show_category_editor(self) -> None:
        if self.ensure() is None:
            self._say(self.tr("Open the library to edit categories."))
            return
        from ui.annotations.highlight_categories import CategoryEditor

        dialog = CategoryEditor(self.annotations, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_tag_manager(self) -> None:
        if self.ensure() is None:
            self._say(self.tr("Open the library to manage tags."))
            return
        from ui.annotations.tag_manager import TagManager

        dialog = TagManager(self.annotations, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def _redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys and Ctrl+Shift+Z, each once: a key bound twice is ambiguous to Qt
    and does nothing (on X11 the platform's first Redo key is Ctrl+Shift+Z)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    ctrl_shift_z = QKeySequence("Ctrl+Shift+Z")
    return keys if ctrl_shift_z in keys else [ctrl_shift_z, *keys]
