"""Time Dubao's start-up to a painted window with the sample page, and page switching.

    .venv/bin/python bench/startup_bench.py [--repeat N] [--pages FOLDER]

Start-up: ``python main.py`` is started N times with a fresh settings folder and
the bundled sample page; the app writes the time of its first paint and of the
painted page (``DUBAO_STARTUP_PROBE``) and quits. In the same run, a bare PySide6
window (a QMainWindow with one label) is started the same way and timed to its
first paint. Both are measured from just before the process starts. Goal: Dubao's
painted page within 3x the bare window.

Page switching: the pages of a 20-page issue (``--pages``, default the 20 dev
pages beside the project, else 20 variants of the sample) are imported into a
temporary library, then each is opened in the window and painted. Goal: 300 ms.

Uses the platform Qt picks; without a display it runs offscreen. Both are started
once before timing so that they run from cached bytecode, as an installed app does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START_GOAL_RATIO = 3.0
SWITCH_GOAL_MS = 300.0

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, done)

def done():
    open(sys.argv[1], "w").write(f"{time.time()} {time.time()}\n")
    app.quit()

app = QApplication(sys.argv[:1])
window = Window()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 820)
window.show()
app.exec()
"""


def _env(tmp: Path) -> dict[str, str]:
    # An installed app runs from cached bytecode; keep the cache in the temporary folder
    # (PYTHONDONTWRITEBYTECODE would make every run compile the project's modules again).
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _time(cmd: list[str], probe: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to first paint, seconds to the painted page) from just before the process starts."""
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, timeout=120, capture_output=True)
    first, page = (float(x) for x in probe.read_text().split()[:2])
    return first - start, page - start


def startup(repeat: int) -> None:
    bare_s: list[float] = []
    first_s: list[float] = []
    page_s: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        probe = tmp / "probe.txt"
        env = _env(tmp)
        dubao_env = dict(env, DUBAO_STARTUP_PROBE=str(probe))
        # One run of each first, not counted: it writes the bytecode cache.
        _time([sys.executable, "-c", BARE, str(probe)], probe, env)
        _time([sys.executable, str(ROOT / "main.py")], probe, dubao_env)
        for _ in range(repeat):
            # Alternate the two so a busy moment on a shared machine hurts both alike.
            bare_s.append(_time([sys.executable, "-c", BARE, str(probe)], probe, env)[0])
            first, page = _time([sys.executable, str(ROOT / "main.py")], probe, dubao_env)
            first_s.append(first)
            page_s.append(page)
    bare, first, page = (statistics.median(x) for x in (bare_s, first_s, page_s))
    print(f"bare PySide6 window, first paint:     {bare:.3f} s  (median of {repeat})")
    print(f"Dubao window, first paint:            {first:.3f} s")
    print(
        f"Dubao window with the sample painted: {page:.3f} s  = {page / bare:.2f}x bare (goal <= {START_GOAL_RATIO:g}x)"
    )


def _variants(tmp: Path) -> Path:
    """20 page files: the dev pages if they are beside the project, else sample variants."""
    dev = ROOT.parent / "shared" / "data" / "pages-dev"
    if dev.is_dir() and len(list(dev.glob("*.txt"))) >= 20:
        return dev
    sample = (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    folder = tmp / "issue"
    folder.mkdir()
    blocks = sample.split("\n\n")
    for n in range(20):
        rotated = blocks[n % len(blocks) :] + blocks[: n % len(blocks)]
        (folder / f"page-{n + 1:02d}.txt").write_text("\n\n".join(rotated), encoding="utf-8")
    return folder


def page_switch(pages: Path | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from models.library.service import Library
    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        source = pages or _variants(tmp)
        db = tmp / "library.sqlite"
        library = Library.open(db)
        report = library.import_paths([source])
        library.close()
        settings = Settings(QSettings(str(tmp / "dubao.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, db=str(db))
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.open_library()
        ids = list(report.page_ids)
        window.open_library_page(ids[-1])  # warm up: the first open loads the modules
        app.processEvents()
        times = []
        for page_id in ids:
            start = time.perf_counter()
            window.open_library_page(page_id)
            window.repaint()
            times.append((time.perf_counter() - start) * 1000)
        window.close()
        window.library.close()
    print(
        f"page switch in a {len(ids)}-page issue (open + paint): median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms (goal <= {SWITCH_GOAL_MS:g} ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", type=Path, help="a folder of 20 page files (one issue)")
    args = parser.parse_args()
    startup(args.repeat)
    page_switch(args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
