"""The library panel: issues and their pages, and library-wide search results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.tooltips import tooltip

PAGE_ROLE = Qt.ItemDataRole.UserRole
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
LABEL_ROLE = Qt.ItemDataRole.UserRole + 3


#: A page's proofreading status in the tree.
STATUS_MARKS = {"unchecked": "○", "in_progress": "◐", "done": "✓"}


def page_label(number: int | None, name: str, fallback: str) -> str:
    """第3版 要闻, or the file name when the page has no number or name."""
    parts = [f"第{number}版" if number is not None else "", name]
    return " ".join(p for p in parts if p) or fallback


class LibraryPanel(QWidget):
    """A tree of issues and pages; activating a page asks the window to open it."""

    pageActivated = Signal(int)
    issueActivated = Signal(int)
    importRequested = Signal()
    removeIssueRequested = Signal(int)
    #: (page id, status): the editor marks a page unchecked, in_progress or done
    statusRequested = Signal(int, str)
    #: (menu, page id or -1, issue id): a page's or an issue's context menu is about to show;
    #: other parts of the window add their actions for that page or issue (Re-parse)
    contextMenuAboutToShow = Signal(object, int, int)
    #: (page id or -1, issue id, editor or "" for nobody or None to ask): give pages to an editor
    assignRequested = Signal(int, int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setObjectName("libraryTree")
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel(
            self.tr("The library is empty. Import pages with File ▸ Import, or drop them here.")
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.importRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.import_button)
        self._current_page = -1
        self._current_issue: int | None = None
        self.statuses: dict[int, str] = {}
        #: page id -> its Assignment (editor, who assigned it, when): who proofreads what
        self.assigned: dict[int, object] = {}
        self._editors: dict[int, set[str]] = {}  # issue id -> its editors (of ``assigned``)
        self._issue_texts = ("", "")
        self._pages_of = lambda _issue_id: []
        self._issue_items: dict[int, QTreeWidgetItem] = {}
        self._filled: set[int] = set()
        #: Issues the reader expanded: expanded again when the tree is filled anew.
        self._expanded_issues: set[int] = set()
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemCollapsed.connect(self._collapsed)

    def status_name(self, status: str) -> str:
        return {
            "unchecked": self.tr("unchecked"),
            "in_progress": self.tr("in progress"),
            "done": self.tr("done"),
        }.get(status, status)

    def fill(self, library) -> None:
        """Fill the tree from a Library: its issues with their progress; pages come on expanding."""
        done = {p.issue_id: p.done for p in library.progress()}
        self.set_issues(library.issues(), library.pages, done, library.assignments())

    def set_issues(self, issues, pages_of, done: dict[int, int] | None = None, assigned=None) -> None:
        """Fill the tree: ``issues`` are IssueInfo records, ``pages_of(issue_id)`` their PageInfo.

        Lazily: an issue's pages are asked for when it is expanded (by the reader, or to show
        the page being read), so a library of thousands of pages fills as fast as its issues.
        ``done`` gives each issue's count of pages marked done (else read from its pages).
        Each page shows its proofreading status (○ unchecked, ◐ in progress, ✓ done), each
        issue how many of its pages are done; an issue's tooltip gives its id. ``assigned``
        (page id -> Assignment) names who proofreads each page: after the page's name, and
        the editors of an issue after its progress."""
        self._pages_of = pages_of
        self.assigned = dict(assigned or {})
        # Each issue's editors, gathered once (per issue over every assignment grew as issues x
        # assigned pages: 75 ms for 417 issues and 5,000 assigned pages), and the labels' texts
        # translated once, not per issue.
        self._editors = {}
        for assignment in self.assigned.values():
            self._editors.setdefault(assignment.issue_id, set()).add(assignment.editor)
        self._issue_texts = (self.tr("%1/%2 done"), self.tr("Issue id %1"))
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            self.statuses = {}
            self._issue_items: dict[int, QTreeWidgetItem] = {}
            self._filled: set[int] = set()
            items = []
            indicator = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
            for issue in issues:
                item = QTreeWidgetItem()
                item.setData(0, ISSUE_ROLE, issue.id)
                self._issue_items[issue.id] = item
                if done is None:
                    self._fill_issue(item, issue)
                else:
                    self._label_issue(item, issue.id, issue.label, done.get(issue.id, 0), issue.pages)
                    if issue.pages:
                        item.setChildIndicatorPolicy(indicator)
                items.append(item)
            self.tree.addTopLevelItems(items)
            shown = set(self._expanded_issues)
            self._expanded_issues = set()
            for issue_id in shown:
                if issue_id in self._issue_items:
                    self.tree.expandItem(self._issue_items[issue_id])
            self.empty.setVisible(not items)
            self.select_page(self._current_page, self._current_issue)
        finally:
            self.tree.setUpdatesEnabled(True)

    def _label_issue(self, item: QTreeWidgetItem, issue_id: int, label: str, done: int, pages: int) -> None:
        done_text, id_text = self._issue_texts
        progress = done_text.replace("%1", str(done)).replace("%2", str(pages))
        editors = self._editors.get(issue_id)
        if editors:
            progress += " · " + ", ".join(sorted(editors))
        item.setText(0, f"{label}  ({progress})")  # item text is plain
        item.setData(0, LABEL_ROLE, label)
        item.setToolTip(0, tooltip(id_text.replace("%1", str(issue_id)) + f" · {label} · {progress}"))

    def _fill_issue(self, item: QTreeWidgetItem, issue=None) -> None:
        """Put an issue's pages under it (once)."""
        issue_id = int(item.data(0, ISSUE_ROLE))
        if issue_id in self._filled:
            return
        self._filled.add(issue_id)
        pages = list(self._pages_of(issue_id))
        label = issue.label if issue is not None else item.data(0, LABEL_ROLE)
        done = sum(getattr(p, "status", "") == "done" for p in pages)
        self._label_issue(item, issue_id, label, done, len(pages))
        children = []
        for page in pages:
            status = getattr(page, "status", "unchecked")
            self.statuses[page.id] = status
            fallback = (page.source_path or "").replace("\\", "/").rsplit("/", 1)[-1] or f"#{page.id}"
            text = f"{STATUS_MARKS.get(status, '')} {page_label(page.number, page.name, fallback)}"
            tip = f"{self.status_name(status)} · {page.source_path or ''}"
            assignment = self.assigned.get(page.id)
            if assignment is not None:
                text += f" — {assignment.editor}"
                tip += "\n" + (
                    self.tr("Proofread by %1 (assigned by %2, %3 UTC)")
                    .replace("%1", assignment.editor)
                    .replace("%2", assignment.author or "?")
                    .replace("%3", assignment.created.strftime("%Y-%m-%d %H:%M"))
                )
            child = QTreeWidgetItem([text])
            child.setData(0, PAGE_ROLE, page.id)
            child.setToolTip(0, tooltip(tip))
            children.append(child)
        item.addChildren(children)
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)

    def _expanded(self, item: QTreeWidgetItem) -> None:
        issue_id = item.data(0, ISSUE_ROLE)
        if issue_id is None:
            return
        self._fill_issue(item)
        self._expanded_issues.add(int(issue_id))

    def _collapsed(self, item: QTreeWidgetItem) -> None:
        issue_id = item.data(0, ISSUE_ROLE)
        if issue_id is not None:
            self._expanded_issues.discard(int(issue_id))

    def page_ids(self) -> list[int]:
        """Every page in tree order (issue by issue), also of issues not expanded yet."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            issue = self.tree.topLevelItem(i)
            self._fill_issue(issue)
            out.extend(issue.child(j).data(0, PAGE_ROLE) for j in range(issue.childCount()))
        return out

    def select_page(self, page_id: int, issue_id: int | None = None) -> None:
        """Show a page as the current one; ``issue_id``: its issue, expanded to show it."""
        self._current_page = page_id
        self._current_issue = issue_id
        if issue_id is not None and issue_id in self._issue_items:
            self.tree.expandItem(self._issue_items[issue_id])
        for filled in self._filled:
            issue = self._issue_items[filled]
            for j in range(issue.childCount()):
                if issue.child(j).data(0, PAGE_ROLE) == page_id:
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(issue.child(j))
                    self.tree.blockSignals(False)
                    return

    def _context_menu(self, point) -> None:
        menu = self.context_menu(self.tree.itemAt(point))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(point))
            menu.deleteLater()

    def context_menu(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The context menu of a page or an issue of the tree (None elsewhere)."""
        page_id = item.data(0, PAGE_ROLE) if item is not None else None
        issue_item = item
        while issue_item is not None and issue_item.data(0, ISSUE_ROLE) is None:
            issue_item = issue_item.parent()
        issue_id = int(issue_item.data(0, ISSUE_ROLE)) if issue_item is not None else None
        if page_id is None and issue_id is None:
            return None
        menu = QMenu(self)
        if page_id is not None:
            for text, status in (
                (self.tr("Mark &Done"), "done"),
                (self.tr("Mark &In Progress"), "in_progress"),
                (self.tr("Mark &Unchecked"), "unchecked"),
            ):
                action = menu.addAction(text, lambda s=status: self.statusRequested.emit(int(page_id), s))
                action.setEnabled(self.statuses.get(int(page_id)) != status)
        page_or_none = int(page_id) if page_id is not None else -1
        menu.addSeparator()
        menu.addAction(
            self.tr("Assign Page to Editor…") if page_id is not None else self.tr("Assign Issue to Editor…"),
            lambda: self.assignRequested.emit(page_or_none, issue_id, None),
        )
        if (page_id is not None and int(page_id) in self.assigned) or (
            page_id is None and issue_id in self._editors
        ):
            menu.addAction(
                self.tr("Unassign Page") if page_id is not None else self.tr("Unassign Issue"),
                lambda: self.assignRequested.emit(page_or_none, issue_id, ""),
            )
        self.contextMenuAboutToShow.emit(menu, page_or_none, issue_id if issue_id is not None else -1)
        if page_id is None:  # the one that deletes comes last, apart
            menu.addSeparator()
            menu.addAction(
                self.tr("Remove Issue from Library…"), lambda: self.removeIssueRequested.emit(issue_id)
            )
        return menu

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page_id = item.data(0, PAGE_ROLE)
        if page_id is not None:
            self.pageActivated.emit(int(page_id))
        elif item.data(0, ISSUE_ROLE) is not None:
            self.issueActivated.emit(int(item.data(0, ISSUE_ROLE)))


class SearchPanel(QWidget):
    """Library-wide search: a query field and a list of hits with their context."""

    searchRequested = Signal(str)
    hitActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the query whose hits are listed ("" for none)
        self._shown_query = ""
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search the library"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._search_now)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._search_now)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.installEventFilter(self)  # Down goes to the hits
        self.raw = QCheckBox(self.tr("Raw OCR te&xt"))
        self.raw.setToolTip(self.tr("Search the text as the OCR read it, before corrections"))
        self.raw.toggled.connect(lambda _on: self._search_now())
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.raw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Down (or PgDown) in the query field goes to the hits, the first one current, as in a
        search box with a list under it: Enter there opens it."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.results.count()
        ):
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        self._timer.stop()
        self.searchRequested.emit(self.field.text().strip())

    def refresh_soon(self) -> None:
        """The library's text changed: the hits shown are searched again shortly (their contexts
        read as before the correction, a corrected hit was still listed), the current one kept."""
        if self._shown_query and self._shown_query == self.field.text().strip():
            self._timer.start()

    def found_words(self, query: str) -> str:
        """The words of the current hit (else the first) as the text reads them, when the hits
        listed are ``query``'s ("" otherwise): the search folds traditional and simplified
        forms, width and case, so they may differ from the query typed."""
        if not query or query != self._shown_query or not self.results.count():
            return ""
        item = self.results.currentItem() or self.results.item(0)
        hit = item.data(HIT_ROLE) if item is not None else None
        return str(getattr(hit, "match", "") or "")

    def stop_refresh(self) -> None:
        """No search left waiting (the window closes, or another library opens: the hits of
        the one closed are not searched again in it, nor in the next one, unasked)."""
        self._timer.stop()

    def set_hits(self, query: str, hits) -> None:
        """Show SearchHit records: where (issue, page, section) over the hit in its context.
        The same query again (the text changed): the current row stays where it was, so an
        editor going down the hits, correcting each, stands on the next one."""
        row = self.results.currentRow() if query and query == self._shown_query else -1
        self._shown_query = query
        self.results.clear()
        for hit in hits:
            where = " · ".join(
                p
                for p in (hit.issue_title, page_label(hit.page_number, hit.page_name, ""), hit.section_title)
                if p
            )
            corrected = getattr(hit, "corrected", False)
            mark = ("✎ " + self.tr("corrected") + " · ") if corrected else ""
            item = QListWidgetItem(
                f"{mark}{where}\n{hit.before}【{hit.match}】{hit.after}"
            )  # plain item text
            item.setData(HIT_ROLE, hit)
            tip = hit.context
            if corrected:
                tip = self.tr("The hit is inside words an editor corrected") + "\n" + tip
            item.setToolTip(tooltip(tip))
            self.results.addItem(item)
        if 0 <= row and self.results.count():
            self.results.setCurrentRow(min(row, self.results.count() - 1))
        if not query:
            self.count.setText("")
        elif hits:
            self.count.setText(self.tr("%n hits", "", len(hits)))
        else:
            self.count.setText(self.tr("No hits"))

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hitActivated.emit(hit)
