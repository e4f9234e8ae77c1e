"""The scan beside the columns (View ▸ Scan of the Page, Ctrl+I) and File ▸ Attach Scan….

An editor checks the OCR against the printed page. The pane shows the shown page's scan: the
one stored with a library page, or for a page opened from a file the image of the same name
beside it. The image is read and decoded in a worker thread (a broadsheet scan is tens of
megabytes), so turning pages never waits for it; a page without a scan shows a plain note.
Attaching a scan is a library write, run through ``ui.common.library_writes``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QImageReader, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.library_writes import run_write
from ui.proofreading.scan_reader import ScanReader
from ui.proofreading.scan_view import ScanView

if TYPE_CHECKING:
    from models.scan_file import ScanImage
    from ui.reader.host import ReaderHost

#: Decoded size allowed for one scan (the core allows 200 million pixels: 800 MB as 32-bit colour).
ALLOCATION_LIMIT_MB = 1024

SCAN_FILTER = "Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;All files (*)"


def decode_scan(data: bytes) -> tuple[QImage | None, str]:
    """The image stored bytes hold, or None and Qt's reason (any thread).

    No QIODevice made in Python is read here: its virtual functions ask for Python's
    interpreter lock, and a worker reading one holds Qt's image-plugin lock meanwhile, so a
    window thread that holds the interpreter lock and asks for an icon or image format (which
    takes the plugin lock) would wait for the worker forever (a deadlock seen in the tests).
    ``QImage.fromData`` reads from a buffer of Qt's own; only when it fails is the reason read,
    from a temporary file that Qt opens itself."""
    # Qt refuses images over 256 MB decoded; a 600 dpi broadsheet page is more (the core's own
    # pixel limit bounds what is stored).
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    # The format named where the bytes say it: unnamed, Qt asks every image plugin whether the
    # bytes are its format, and the SVG plugin's question makes a QTextStream, which takes a Qt
    # lock that a window thread deleting an object holds while it waits for Python's lock (this
    # worker holds that in fromData): another deadlock seen in a full test run.
    image = QImage.fromData(QByteArray(data), scan_format(data))
    if not image.isNull():
        return image, ""
    with tempfile.TemporaryDirectory(prefix="dubao-scan-") as folder:
        path = Path(folder) / "scan"
        path.write_bytes(data)
        reader = QImageReader(str(path))
        reader.read()
        return None, reader.errorString()


#: The scan formats Dubao stores, by the bytes their files start with.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def scan_format(data: bytes) -> str | None:
    """The image format the bytes start with (PNG, JPEG, TIFF), or None: Qt then finds it."""
    return next((name for start, name in _SIGNATURES if data.startswith(start)), None)


class ScanLoader(QThread):
    """Read a page's scan (library page or file beside a page file) and decode it, off the window."""

    #: (token, image or None, a note when there is no image to show)
    loaded = Signal(int, object, str)

    def __init__(
        self, token: int, db_path: str | None, page_id: int | None, page_file: str | None, parent=None
    ):
        super().__init__(parent)
        self.token, self.db_path, self.page_id, self.page_file = token, db_path, page_id, page_file

    def run(self) -> None:  # the worker thread
        try:
            data, name = self._read()
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.loaded.emit(self.token, None, self.tr("The scan cannot be read: %1").replace("%1", str(exc)))
            return
        if data is None:
            self.loaded.emit(self.token, None, "")
            return
        image, problem = decode_scan(data)
        if image is None:
            self.loaded.emit(
                self.token,
                None,
                self.tr("The scan %1 cannot be shown: %2").replace("%1", name).replace("%2", problem),
            )
            return
        self.loaded.emit(self.token, image, "")

    def _read(self) -> tuple[bytes | None, str]:
        if self.page_id is not None and self.db_path is not None:
            from models.library.service import Library

            library = Library.open(self.db_path, index_now=False)  # this thread's own connection
            try:
                scan = library.page_scan(self.page_id)
            finally:
                library.close()
            return (scan.data, scan.source_name) if scan is not None else (None, "")
        if self.page_file is not None:
            from models.scan_file import read_scan, scan_beside

            beside = scan_beside(self.page_file)
            if beside is None:
                return None, ""
            scan = read_scan(beside)
            return scan.data, scan.source_name
        return None, ""


class ScanPane(QWidget):
    """The scan view, or a note saying why there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPane")
        self.view = ScanView()
        self.note = QLabel()
        self.note.setObjectName("scanNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file name
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setMargin(16)
        # The note takes the keys when there is no image (Ctrl+I gives them to the pane): + and
        # the arrows then do nothing, rather than type into the column being proofread.
        self.note.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.note)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # A frame in the highlight colour while the keys go to the scan (Tab or Ctrl+I there):
        # without it nothing said where + and the arrows would go.
        self.setStyleSheet(
            "#scanView, #scanNote { border: 2px solid transparent; }"
            " #scanView:focus, #scanNote:focus { border: 2px solid palette(highlight); }"
        )
        self.say(self.tr("No page shown."))

    def say(self, text: str) -> None:
        """Show a note instead of an image."""
        self.view.set_image(None)
        self.note.setText(text)
        had_focus = self.view.hasFocus()
        self.stack.setCurrentWidget(self.note)
        self.setFocusProxy(self.note)
        if had_focus:
            self.note.setFocus()

    def show_image(self, image: QImage) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.set_image(image)
        self.setFocusProxy(self.view)

    def has_image(self) -> bool:
        return self.stack.currentWidget() is self.view and not self.view.pixmap().isNull()


class ScanSession(QObject):
    """The scan pane and its two actions, for one main window; the shell places them."""

    #: a scan was stored with a page (its id)
    attached = Signal(int)

    def __init__(self, window: ReaderHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.pane = ScanPane()
        self.pane.hide()
        self._token = 0
        self._loaders: set[ScanLoader] = set()
        self._readers: set[ScanReader] = set()
        self.toggle_action = QAction(self.tr("Sca&n of the Page"), window)  # type: ignore[arg-type]
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+I"))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._take_focus = True
        self.toggle_action.toggled.connect(self._toggled)
        window.addAction(self.toggle_action)
        self.attach_action = QAction(self.tr("Attach S&can…"), window)  # type: ignore[arg-type]
        self.attach_action.triggered.connect(self.attach)
        window.addAction(self.attach_action)
        #: the file questions, replaceable in tests
        self.ask_scan_path: Callable[[], tuple[str, str]] = lambda: QFileDialog.getOpenFileName(
            self.window,  # type: ignore[arg-type]
            self.tr("Attach Scan"),
            self._start_folder(),
            SCAN_FILTER,
        )
        self.ask_pdf_page: Callable[[int, int], int | None] = self._ask_pdf_page
        window.pageShown.connect(self._page_shown)

    # --- showing ------------------------------------------------------------------------------------
    def set_shown(self, shown: bool, focus: bool = True) -> None:
        """Show or hide the pane (Ctrl+I); shown, it takes the focus so the keys zoom and pan
        (not when it is only restored as the last session left it: ``focus=False``)."""
        self._take_focus = focus
        if self.toggle_action.isChecked() != shown:
            self.toggle_action.setChecked(shown)  # comes back through toggled
        else:
            self._toggled(shown)
        self._take_focus = True

    def _toggled(self, shown: bool) -> None:
        view = self.window.page_view
        # Hiding the focused pane hands the keyboard to the next widget (the masthead), which
        # makes itself the active column: remember the one the editor was in.
        active = view.active
        self.pane.setVisible(shown)
        self.window.settings.set_scan_shown(shown)
        if shown:
            self.reload()
            if self._take_focus:  # the view, or the note while there is no image
                self.pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
            # The columns are narrower now: the one being read stays in view.
            QTimer.singleShot(
                0,
                lambda: (
                    view.ensure_column_visible(view.active) if 0 <= view.active < len(view.columns) else None
                ),
            )
        elif self._take_focus:  # back to the column, its caret (and selection) where it was
            view.focus_column(active, keep_caret=True)

    def _page_shown(self, _title: str = "") -> None:
        if self.pane.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the shown page's scan again, in the background."""
        self._token += 1
        w = self.window
        where = w.page_where
        if w.page is None or not where:
            self.pane.say(self.tr("No page shown."))
            return
        page_id = int(where.split(":", 1)[1]) if where.startswith("library:") else None
        page_file = where[5:] if where.startswith("file:") else None
        db_path = None
        if w.library is not None:  # a file, or the server the window connected to (password in memory)
            db_path = (
                str(w.library.path)
                if w.library.path is not None
                else w.db_path
                if w.library.server_url
                else None
            )
        if page_id is not None and db_path is None:
            self.pane.say(self.tr("No scan for this page."))
            return
        self.pane.say(self.tr("Loading the scan…"))
        loader = ScanLoader(self._token, db_path, page_id, page_file, self)
        loader.loaded.connect(self._loaded)
        loader.finished.connect(lambda: self._done(loader))
        self._loaders.add(loader)
        loader.start()

    def _done(self, loader: ScanLoader) -> None:
        self._loaders.discard(loader)
        loader.deleteLater()

    def _loaded(self, token: int, image: QImage | None, note: str) -> None:
        if token != self._token:
            return  # the reader has turned the page since
        if image is not None:
            focus = QApplication.focusWidget()
            had_focus = focus is not None and (focus is self.pane or self.pane.isAncestorOf(focus))
            self.pane.show_image(image)
            if had_focus:
                self.pane.view.setFocus()
            return
        self.pane.say(
            note
            or self.tr(
                "No scan for this page.\nFile ▸ Attach Scan… adds one (PNG, JPEG, TIFF or a page of a PDF)."
            )
        )

    def wait(self) -> None:
        """Let the loaders finish (the window is closing)."""
        for thread in [*self._loaders, *self._readers]:
            thread.wait(5000)

    # --- attaching -----------------------------------------------------------------------------------
    def _start_folder(self) -> str:
        """Where Attach Scan… opens: beside the page's text file (scans are kept beside the
        pages), for a library page the folder it was imported from while it is there; else
        where exports open (a library page opened in the folder Dubao was started from)."""
        from ui.common.export_paths import start_folder

        where = self.window.page_where
        if where.startswith("file:"):
            return str(Path(where[5:]).parent)
        library = self.window.library
        if where.startswith("library:") and library is not None:
            try:
                source = library.page_info(int(where.split(":", 1)[1])).source_path
            except Exception:  # noqa: BLE001 - only a starting folder: any answer will do
                source = None
            if source and Path(source).parent.is_dir():
                return str(Path(source).parent)
        return start_folder(self.window)  # type: ignore[arg-type]

    def _ask_pdf_page(self, count: int, suggested: int) -> int | None:
        number, ok = QInputDialog.getInt(
            self.window,  # type: ignore[arg-type]
            self.tr("Attach Scan"),
            self.tr("This PDF has %1 pages. Which one is this page?").replace("%1", str(count)),
            suggested + 1,
            1,
            count,
        )
        return number - 1 if ok else None

    def attach(self) -> bool:
        """Ask for a scan file, read it in the background, then keep it with the shown page
        (replacing one); False when nothing was started."""
        w = self.window
        page_id = self._library_page_id()
        if page_id is None:
            return False
        path, _chosen = self.ask_scan_path()
        if not path:
            return False
        pdf_page = 0
        if Path(path).suffix.lower() == ".pdf":
            from models.errors import DubaoError
            from models.scan_file import pdf_page_count

            try:
                count = pdf_page_count(path)
            except DubaoError as exc:
                w.show_error(self.tr("The scan was not attached"), str(exc))
                return False
            if count > 1:
                chosen = self.ask_pdf_page(count, 0)
                if chosen is None:
                    return False
                pdf_page = chosen
        reader = ScanReader(path, pdf_page, self)
        reader.read.connect(lambda image: self._store(page_id, image))
        reader.failed.connect(lambda reason: w.show_error(self.tr("The scan was not attached"), reason))
        reader.finished.connect(lambda: self._done_reading(reader))
        self._readers.add(reader)
        self.attach_action.setEnabled(False)
        w.statusBar().showMessage(self.tr("Reading the scan…"))
        reader.start()
        return True

    def _done_reading(self, reader: ScanReader) -> None:
        self._readers.discard(reader)
        reader.deleteLater()
        self.attach_action.setEnabled(True)
        self.window.statusBar().clearMessage()

    def _store(self, page_id: int, image: ScanImage) -> None:
        """Keep a checked scan with its page: one library write, told if it fails (with Retry)."""
        w = self.window
        library = w.library

        def stored(_result: object) -> None:
            w.statusBar().showMessage(self.tr("Scan attached: %1").replace("%1", image.source_name), 5000)
            self.attached.emit(page_id)
            if self.pane.isVisible():
                self.reload()
            else:
                self.set_shown(True)

        run_write(
            w,  # type: ignore[arg-type]
            self.tr("The scan"),
            lambda: library.store_scan(page_id, image),
            stored,
            refused=lambda reason: w.show_error(self.tr("The scan was not attached"), reason),
        )

    def _library_page_id(self) -> int | None:
        w = self.window
        if w.page is None:
            w.statusBar().showMessage(self.tr("Open a page first."), 4000)
            return None
        if w.page_where.startswith("library:"):
            return int(w.page_where.split(":", 1)[1])
        language = getattr(w, "language", None)  # adds a page opened from a file to the library
        page_id = language.library_page_id(create=True) if language is not None else None
        if page_id is None or not w.open_library_page(page_id):
            w.statusBar().showMessage(self.tr("Only pages in the library can keep a scan."), 4000)
            return None
        return page_id
