"""Start the Qt application, paint the window, then load the page.

Start-up order matters: the window shell is shown and painted first; reading
and parsing the page (and anything slow that comes with it) happen after the
first paint. ``--screenshot`` loads synchronously, grabs and exits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from models.resources import resource_path
from ui.common import collector

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

SAMPLE_PAGE = resource_path("sample-page.txt")
SCREENSHOT_SIZE = (1600, 1000)
#: set by bench/startup_bench.py: write "first_paint page_painted [library_filled] complete"
#: (time.time(), then a line of time.process_time() at the same marks) there and quit
STARTUP_PROBE = "DUBAO_STARTUP_PROBE"
#: With the probe: also open the library and fill its panel, and write when that is done.
STARTUP_PROBE_LIBRARY = "DUBAO_STARTUP_PROBE_LIBRARY"


def run_app(file: str | None = None, db: str | None = None, screenshot: str | None = None) -> int:
    """Open Dubao's window on FILE (or the last page, or the sample page); 0 on a clean exit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.common.theme import new_application

    # No cyclic garbage collection until the page is painted: start-up makes tens of thousands of
    # objects that all live on, and collecting them again and again (60-odd passes) cost 10-15 ms
    # of CPU before the first paint. Collection resumes once the page and the panel are painted
    # (on the main thread only: ui.common.collector, installed by the window).
    collector.hold()
    spare_source_reads()
    app = QApplication.instance() or new_application(sys.argv[:1])
    app.setApplicationName("Dubao")
    app.setOrganizationName("Dubao")
    app.setApplicationDisplayName("Dubao 读报")
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (64, 256):
        icon.addFile(str(resource_path("icons", f"dubao-{size}.png")))
    app.setWindowIcon(icon)

    from ui.common.i18n import install_translators
    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    if screenshot:
        # A screenshot shows the defaults, whatever this user chose, and leaves their settings alone.
        import tempfile

        from PySide6.QtCore import QSettings

        scratch = tempfile.TemporaryDirectory()
        settings = Settings(QSettings(str(Path(scratch.name) / "dubao.ini"), QSettings.Format.IniFormat))
    else:
        settings = Settings()
    translators = install_translators(app, settings.language())  # noqa: F841 (kept alive)
    window = MainWindow(settings, db=db)
    target = Path(file) if file else None

    if screenshot:
        collector.release()
        return _screenshot(app, window, target or SAMPLE_PAGE, screenshot)

    probe = os.environ.get(STARTUP_PROBE)
    marks: dict[str, float] = {}

    def after_first_paint() -> None:
        marks["first_paint"] = time.time()
        marks["first_paint_cpu"] = time.process_time()
        QTimer.singleShot(0, collector.release)  # (on the next pass at the latest, whatever happens here)
        _load_start_page(window, target, settings)
        window.warn_missing_cjk_font()
        if not probe:
            # The page and the panel are painted now, before the capabilities built on the next
            # pass (posted at the first paint, they would otherwise run before the page's own,
            # low-priority repaint, and the page would show only once they and the library were
            # ready: ~0.3 s of CPU later). Same marks as the probe's below.
            window.page_view.repaint()
            window.library_panel.repaint()
            collector.release()
            # The library (peewee, SQLite) opens once the page is on screen.
            QTimer.singleShot(0, window.open_library)
            # jieba, the pinyin engine and the dictionary load in the background once the page is up.
            QTimer.singleShot(0, lambda: window.language.start_loading())
        else:
            # The page's columns paint on the next pass of the event loop; time that paint.
            window.page_view.repaint()
            marks["page_painted"] = time.time()
            times = f"{marks['first_paint']} {marks['page_painted']}"
            cpu = f"{marks['first_paint_cpu']} {time.process_time()}"
            if os.environ.get(STARTUP_PROBE_LIBRARY):
                # Usable: the library's panel filled and painted, as after a normal start: from
                # the view kept when the window last closed if the file is unchanged since, else
                # from the library opened now. Then the library open (at once after a normal start).
                if window.library is None and getattr(window, "_pending_page", None) is None:
                    window.open_library()
                window.library_panel.repaint()
                times += f" {time.time()}"
                cpu += f" {time.process_time()}"
                collector.release()
                window.open_library()
                times += f" {time.time()}"
                cpu += f" {time.process_time()}"
            collector.release()
            # Complete: the capabilities built after the first paint (annotations, language,
            # proofreading…) and the page painted again with them.
            window.build_capabilities()
            window.repaint()
            times += f" {time.time()}"
            cpu += f" {time.process_time()}"
            # The second line: this process's CPU seconds at the same marks (every thread's).
            Path(probe).write_text(times + "\n" + cpu + "\n")
            app.quit()

    window.firstPainted.connect(after_first_paint)
    window.show()
    status = app.exec()
    # What the panel and the library page show, for the next start (if the file stays as it is).
    window.keep_start_view()
    return status


def spare_source_reads() -> bool:
    """Spare PySide6 reading the source of every module imported after it.

    For its optional ``__feature__`` switches (``snake_case``, ``true_property``), PySide6 reads
    each newly imported module's whole source (``inspect.getsource``) to see whether it names
    PySide6, and keeps the module's feature set: 0 if it does, -1 if not. Dubao selects no
    feature, so both mean the same, the default: every module is taken as one that does,
    without reading it (~150 files before the first paint, 20–40 ms of CPU). False, and
    nothing changed, if this PySide6 does it otherwise."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _names_pyside
    return True


def _names_pyside(_module: object) -> bool:
    return True


def _load_start_page(window: MainWindow, target: Path | None, settings: Settings) -> None:
    """FILE if given, else the last page read, else the bundled sample."""
    if target is not None and target.is_dir():
        # A folder is an issue: import it (in the background) and open its first page.
        window.open_library()
        window.open_paths([target])
        return
    if target is not None:
        window.open_path(target)
    elif last_page(window, settings):
        from ui.library.library_identity import target_key

        place = settings.proofreading_place(target_key(window.db_path))
        if place:  # the last session ended proofreading this page: on again, the caret kept
            resume_after_first_paint(window, place)
        return
    else:
        window.open_path(SAMPLE_PAGE)
    window.start_library()  # the panel as kept, if the library file is unchanged


def resume_after_first_paint(window: MainWindow, place: str) -> None:
    """Proofreading resumed at ``place`` on the next pass of the event loop: the start page is
    loaded (by ``run_app`` once the window's first paint is done) and painted first; building
    the capabilities for it is what the language layer's start does on that pass anyway."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: window.proofreading.resume(place))


def last_page(window: MainWindow, settings: Settings) -> bool:
    """Open the last page read (a file or a library page); False if there is none or it is gone."""
    last = settings.last_page()
    if last.startswith("file:") and _is_sample(last[5:]):
        # The sample shows when a library has no page of its own kept (a session on another):
        # this library's own last page comes first.
        from ui.library.library_identity import target_key

        own = settings.library_last_page(target_key(window.db_path))
        if own and window.open_library_page_ref(own):
            return True
    if last.startswith("file:") and Path(last[5:]).is_file() and window.open_path(Path(last[5:])):
        window.start_library()
        return True
    if not last.startswith("library:"):
        return False
    kept_in = settings.last_library()
    if kept_in:
        from ui.library.library_identity import target_key

        # Read in another library (another --db): its page of that id is not it; this library's
        # own last page, if one is kept.
        last = settings.library_last_page(target_key(window.db_path))
        if not last:
            return False
    return window.open_library_page_ref(last)


def _is_sample(path: str) -> bool:
    try:
        return Path(path).resolve() == Path(SAMPLE_PAGE).resolve()
    except (OSError, RuntimeError):
        return False


def _screenshot(app: QApplication, window: MainWindow, path: Path, out: str) -> int:
    from models.errors import DubaoError

    if path.is_dir():
        pages = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".text"))
        path = pages[0] if pages else path
    try:
        window.open_page_file(path)
    except DubaoError as exc:
        print(f"dubao: {exc}", file=sys.stderr)
        return 2
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    image = window.grab()
    if image.width() != SCREENSHOT_SIZE[0]:
        image = image.scaled(*SCREENSHOT_SIZE)
    return 0 if image.save(out, "PNG") else 1
