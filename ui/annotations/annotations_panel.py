"""The annotations panel: this page's highlights or, with a switch, the whole library's.

Filters (category, tag, words of the quote or note, dates, anchored or not) and a sort go to
the core's in-memory index (``Annotations.panel_index``), which answers with ids; the list
model loads records only for the rows that are shown, in chunks, so 100,000 highlights list
as fast as 100. Activating a row asks the window to show the passage. Unanchored highlights
(their words changed) are listed too, marked, with their quote.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.annotations.finder import Filter
from models.annotations.records import Changed, HighlightInfo
from models.annotations.service import Annotations
from ui.annotations.highlight_details import HighlightDetails
from ui.common.tooltips import tooltip

ModelIndex = QModelIndex | QPersistentModelIndex
_CHUNK = 200


class HighlightListModel(QAbstractTableModel):
    """Rows are highlight ids; records are fetched in chunks when a row is first shown."""

    #: some listed highlights no longer exist
    stale = Signal()

    COLUMNS = ("Category", "Quote", "Tags", "Note", "Page", "Made")

    def __init__(self, annotations: Annotations, parent=None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self.ids: list[int] = []
        self._records: dict[int, HighlightInfo] = {}
        self.dark = False

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._records = {}
        self.endResetModel()

    def prime(self, records) -> None:
        """Keep records already read (the page's highlights the window has just painted), so
        listing them costs no second read of the same rows."""
        for info in records:
            self._records.setdefault(info.id, info)

    def forget(self, ids) -> None:
        """Drop cached records (they changed) and repaint the rows."""
        for i in ids:
            self._records.pop(i, None)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.COLUMNS) - 1))

    def record(self, row: int) -> HighlightInfo | None:
        if not 0 <= row < len(self.ids):
            return None
        hid = self.ids[row]
        if hid not in self._records:
            start = (row // _CHUNK) * _CHUNK
            chunk = [i for i in self.ids[start : start + _CHUNK] if i not in self._records]
            found = self.annotations.records(chunk)
            for info in found:
                self._records[info.id] = info
            if len(found) < len(chunk):
                # Rows removed behind the annotations' back (an issue deleted): read the index again.
                self.stale.emit()
        return self._records.get(hid)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Category"), self.tr("Quote"), self.tr("Tags"), self.tr("Note"), self.tr("Page"),
                      self.tr("Made"))  # fmt: skip
            return titles[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        h = self.record(index.row())
        if h is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._category_name(h)
            if column == 1:
                quote = " ".join(h.exact.split())
                return quote if h.anchored else self.tr("%1 (unanchored)").replace("%1", quote)
            if column == 2:
                return ", ".join(h.tags)
            if column == 3:
                return " ".join(h.note.split())
            if column == 4:
                return h.page_label
            if column == 5:
                return h.created.strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            category = self._category(h)
            return QColor(category.colour(self.dark)) if category else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 3):
            # Qt shows a tooltip that looks like HTML as rich text: escape document text.
            return tooltip(h.exact if column == 1 else h.note)
        if role == Qt.ItemDataRole.ForegroundRole and not h.anchored:
            return QBrush(QColor("#b03a2e"))
        if role == Qt.ItemDataRole.UserRole:
            return h.id
        return None

    def _category(self, h: HighlightInfo):
        return self._categories.get(h.category_id)

    def _category_name(self, h: HighlightInfo) -> str:
        category = self._category(h)
        return category.name if category else ""

    @property
    def _categories(self):
        cache = getattr(self, "_category_cache", None)
        if cache is None:
            cache = {c.id: c for c in self.annotations.categories()}
            self._category_cache = cache
        return cache

    def categories_changed(self) -> None:
        self._category_cache = None
        self.forget([])


class AnyDateEdit(QDateEdit):
    """A day that may be "any" (its minimum, shown as the special text).

    Qt's date edit moves Tab through its day, month and year and leaves after the last; on the
    special text it has no parts and kept the keyboard: Tab and Shift+Tab did nothing more (a
    keyboard trap in the Annotations dock). It lets the keyboard go on then.

    Tab between the parts is done here too, not by QDateTimeEdit's own focusNextPrevChild: that
    one, asked again from Python, crashed the test run now and then (a segmentation fault under
    this call in two full runs of the suite, never alone), and walking the parts needs only
    their index."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        special = bool(self.specialValueText()) and self.date() == self.minimumDate()
        index, count = self.currentSectionIndex(), self.sectionCount()
        target = index + (1 if next else -1)
        if not special and 0 <= index < count and 0 <= target < count:
            self.setCurrentSectionIndex(target)
            self.setSelectedSection(self.sectionAt(target))
            return True
        return QWidget.focusNextPrevChild(self, next)


class AnnotationsPanel(QWidget):
    """Filters, the list of highlights, and the chosen highlight's details."""

    #: the user activated a highlight: show its passage
    highlightActivated = Signal(object)
    #: the current row changed to a highlight (or None)
    highlightSelected = Signal(object)

    def __init__(self, annotations: Annotations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self.page_id: int | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Words in the quote or note"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.tag = QComboBox()
        self.anchoring = QComboBox()
        for label, value in ((self.tr("Anchored and not"), "all"), (self.tr("Anchored"), "anchored"),
                             (self.tr("Unanchored"), "unanchored")):  # fmt: skip
            self.anchoring.addItem(label, value)
        self.sort = QComboBox()
        for label, value in ((self.tr("Reading order"), ("position", False)), (self.tr("Newest first"), ("created", True)),
                             (self.tr("Oldest first"), ("created", False)), (self.tr("Category"), ("category", False)),
                             (self.tr("Quote"), ("quote", False))):  # fmt: skip
            self.sort.addItem(label, value)
        self.since = AnyDateEdit()
        self.until = AnyDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setDate(edit.minimumDate())
        # Narrower than their texts if the dock is (elided, clipped): the dock keeps its width.
        for combo in (self.category, self.tag, self.anchoring, self.sort):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
        for edit in (self.since, self.until):
            edit.setMinimumWidth(60)
        # The minimum date means no limit and says so.
        self.since.setSpecialValueText(self.tr("From any date"))
        self.until.setSpecialValueText(self.tr("Until any date"))
        self.since.setToolTip(self.tr("Highlights made on or after this day"))
        self.until.setToolTip(self.tr("Highlights made on or before this day"))
        self.whole_library = QCheckBox(self.tr("Whole library"))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.model = HighlightListModel(annotations, self)
        self.view = QTreeView()
        self.view.setObjectName("annotationsList")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(self.model)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.header().setStretchLastSection(False)
        self.details = HighlightDetails(annotations)

        grid = QGridLayout()
        grid.setContentsMargins(4, 4, 4, 0)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.category, 1, 0)
        grid.addWidget(self.tag, 1, 1)
        grid.addWidget(self.since, 2, 0)
        grid.addWidget(self.until, 2, 1)
        grid.addWidget(self.anchoring, 3, 0)
        grid.addWidget(self.sort, 3, 1)
        grid.addWidget(self.whole_library, 4, 0)
        grid.addWidget(self.count, 4, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(grid)
        top_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.refilter)
        self.search.textChanged.connect(self._typing.start)
        for combo in (self.category, self.tag, self.anchoring, self.sort):
            combo.activated.connect(self.refilter)
        self.since.dateChanged.connect(self.refilter)
        self.until.dateChanged.connect(self.refilter)
        self.whole_library.toggled.connect(self.refilter)
        self.model.stale.connect(self._reload_later)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        # The tag list counts every tag's highlights over the whole library (thousands in a
        # year's library): filled once the window is up, not while it opens.
        self.fill_choices(tags=False)
        self._fill_tags = QTimer(self)
        self._fill_tags.setSingleShot(True)
        self._fill_tags.timeout.connect(self.fill_choices)
        self._fill_tags.start(0)

    # --- filters ---------------------------------------------------------------------------------
    def fill_choices(self, tags: bool = True) -> None:
        """(Re)fill the category and tag lists (``tags``: the tags too), keeping what was chosen."""
        lists = [
            (
                self.category,
                [(c.name, c.id) for c in self.annotations.categories()],
                self.tr("All categories"),
            )
        ]
        if tags:
            found = [(f"{t.name} ({t.count})", t.id) for t in self.annotations.tags()]
            lists.append((self.tag, found, self.tr("All tags")))
        elif self.tag.count() == 0:
            self.tag.addItem(self.tr("All tags"), None)
        for combo, items, everything in lists:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> Filter:
        sort, descending = self.sort.currentData()
        since = self.since.date() if self.since.date() != self.since.minimumDate() else None
        until = self.until.date() if self.until.date() != self.until.minimumDate() else None
        category = self.category.currentData()
        tag = self.tag.currentData()
        return Filter(
            page_id=None
            if self.whole_library.isChecked()
            else (self.page_id if self.page_id is not None else -1),
            category_ids=frozenset({category}) if category is not None else frozenset(),
            tag_ids=frozenset({tag}) if tag is not None else frozenset(),
            text=self.search.text(),
            since=since.toPython() if since is not None else None,  # type: ignore[union-attr]
            until=until.toPython() if until is not None else None,  # type: ignore[union-attr]
            anchoring=self.anchoring.currentData(),
            sort=sort,
            descending=descending,
        )

    def set_page(self, page_id: int | None) -> None:
        """The page the window shows (the list follows it unless the library switch is on)."""
        self.page_id = page_id
        shown = self.details.highlight
        if shown is not None and shown.page_id != page_id:
            # The editor must not go on editing a highlight of the page left behind: tags typed
            # there would land on words the reader no longer sees.
            self.view.setCurrentIndex(QModelIndex())
            self.details.show_highlight(None)
        if not self.whole_library.isChecked():
            self.refilter()

    def refilter(self) -> None:
        chosen = self.current_highlight()
        ids = self.annotations.panel_find(self.current_filter())
        self.model.set_ids(ids)
        self.count.setText(self.tr("%n highlights", "", len(ids)))
        if chosen is not None and chosen.id in ids:
            self.select(chosen.id)

    def _reload_later(self) -> None:
        if not getattr(self, "_reload_queued", False):
            self._reload_queued = True
            QTimer.singleShot(0, self._reload)

    def _reload(self) -> None:
        self._reload_queued = False
        self.annotations.reload_panel_index()
        self.fill_choices()
        self.refilter()

    def changed(self, change: Changed) -> None:
        """The core changed something: refresh what shows it."""
        if change.tags or change.categories:
            self.fill_choices()
        if change.categories:
            self.model.categories_changed()
            self.details.fill_categories()
        self.model.forget(change.highlight_ids)
        self.refilter()
        shown = self.details.highlight
        if shown is not None and shown.id in change.highlight_ids:
            found = self.annotations.records([shown.id])
            self.details.refresh(found[0] if found and not found[0].deleted else None)

    # --- rows ---------------------------------------------------------------------------------
    def current_highlight(self) -> HighlightInfo | None:
        return (
            self.model.record(self.view.currentIndex().row()) if self.view.currentIndex().isValid() else None
        )

    def select(self, highlight_id: int) -> bool:
        """Make a highlight the current row (the list keeps its filters); False if not listed."""
        try:
            row = self.model.ids.index(highlight_id)
        except ValueError:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def show_details(self, highlight: HighlightInfo | None) -> None:
        self.details.show_highlight(highlight)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        h = self.model.record(current.row()) if current.isValid() else None
        self.details.show_highlight(h)
        self.highlightSelected.emit(h)

    def _activated(self, index: QModelIndex) -> None:
        h = self.model.record(index.row())
        if h is not None:
            self.highlightActivated.emit(h)
