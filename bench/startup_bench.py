"""Time Dubao's start-up to a usable window against a bare Qt window, and page switching.

    .venv/bin/python bench/startup_bench.py [--repeat N] [--db LIBRARY] [--pages FOLDER] [--only start]

Start-up (issue 11: start to a usable window ≤ 2× a bare Qt window, whatever the library size):
each case is a fresh ``python main.py`` with its own settings folder; the app writes the time
and its CPU time (``time.process_time()``, every thread) at its first paint, when the page is
painted, when the library's panel is filled and painted, when the library is open, and when the
capabilities are built (``DUBAO_STARTUP_PROBE``, ``DUBAO_STARTUP_PROBE_LIBRARY``), then quits.
Usable is the panel's mark: filled from the view the window kept at its last exit when the library
file is unchanged since (``models/library/start_view.py``; the library then opens just after),
else from the library opened before it. In the same run, a bare
PySide6 QWidget is started the same way and timed to its first paint; the runs are alternated
(bare, then each case) so that a busy moment on a shared machine hurts all alike, and every
figure is the median of ``--repeat`` runs. Cases:

- first start: the sample page, nothing kept from an earlier run (the page is parsed) and no
  library file yet;
- the sample page again (the usual restart on a page file: its parse is kept between runs);
- ``--db LIBRARY``: the last page read is a page of that library (the usual restart of a
  library's reader; e.g. the 5,000-page library ``bench/library_scale.py`` builds), else a
  20-page library made here;
- the same after another program wrote the library since the window last closed (a copy of
  it, written before each run: one row written again as it was).

``--against CHECKOUT`` times another checkout (its own ``.venv``) in the same runs, each case
run for both in turn, so that both see the same moments of a shared machine.

Both wall time and CPU time are printed with their ratio to the bare window's: the machine
may be shared, and the CPU ratio is the steadier one.

Page switching: the pages of a 20-page issue (``--pages``, default the 20 dev pages beside the
project, else 20 variants of the sample) are imported into a temporary library, then each is
opened in the window and painted. Goal: 300 ms.

Uses the platform Qt picks; without a display it runs offscreen. Each command is started
once before timing so that it runs from cached bytecode, as an installed app does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START_GOAL_RATIO = 2.0
SWITCH_GOAL_MS = 300.0

#: A bare QMainWindow with one label, timed to its first paint (library_scale.py's reference).
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
    open(sys.argv[1], "w").write(f"{time.time()} {time.time()}\n{time.process_time()}\n")
    app.quit()

app = QApplication(sys.argv[:1])
window = Window()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 820)
window.show()
app.exec()
"""

#: The reference of issue 11: a bare QWidget, timed to its first paint.
BARE_WIDGET = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QWidget

class Window(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        open(sys.argv[1], "w").write(f"{time.time()}\n{time.process_time()}\n")
        app.quit()

app = QApplication(sys.argv[:1])
window = Window()
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


Mark = tuple[float, float]


def _run_marks(cmd: list[str], probe: Path, env: dict[str, str]) -> tuple[Mark, Mark, Mark]:
    """Run once; (wall seconds, CPU seconds) from just before the process starts to three probe
    marks: usable (mark 2: page painted, library panel filled), the library open (mark 3: at
    once after usable when the panel and page were shown from the view kept at the last exit)
    and complete (the last mark: the capabilities built after it, annotations, language,
    proofreading…, the page painted again). The bare window has one mark, which is then all."""
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, timeout=300, capture_output=True)
    wall, cpu = (line.split() for line in probe.read_text().split("\n")[:2])
    usable = min(2, len(wall) - 1)
    opened = min(3, len(wall) - 1) if len(wall) > 4 else usable
    return (
        (float(wall[usable]) - start, float(cpu[usable])),
        (float(wall[opened]) - start, float(cpu[opened])),
        (float(wall[-1]) - start, float(cpu[-1])),
    )


def _usable(cmd: list[str], probe: Path, env: dict[str, str]) -> Mark:
    return _run_marks(cmd, probe, env)[0]


def _small_library(tmp: Path) -> Path:
    from models.library.service import Library

    db = tmp / "small.sqlite3"
    with Library.open(db) as library:
        library.import_paths([_variants(tmp)])
    return db


def _last_page_settings(config: Path, db: Path) -> None:
    """Settings whose last page read is a page in the middle of ``db`` (as QSettings keeps them)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [row[0] for row in conn.execute("SELECT id FROM page ORDER BY id")]
    conn.close()
    (config / "Dubao").mkdir(parents=True, exist_ok=True)
    (config / "Dubao" / "Dubao.conf").write_text(f"[session]\nlast_page=library:{ids[len(ids) // 2]}\n")


def _write_since(db: Path) -> None:
    """A write to ``db`` by another program (the command line, a colleague's copy…): its first
    issue's title changed, then changed back, each in a transaction of its own. The library's
    content ends as it was, but the file was written (its modification time changes), so the
    view the window kept at its last exit no longer matches the file's stamp. (A row written
    again as it is leaves the file as it was: SQLite writes nothing.)"""
    import sqlite3

    conn = sqlite3.connect(db)
    first = "(SELECT min(id) FROM issue)"
    with conn:
        conn.execute(f"UPDATE issue SET title = title || ' ' WHERE id = {first}")
    with conn:
        conn.execute(f"UPDATE issue SET title = substr(title, 1, length(title) - 1) WHERE id = {first}")
    conn.close()
    time.sleep(0.01)  # a later modification time than the run before's, on any file system


def startup(repeat: int, db: Path | None, against: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        probe = tmp / "probe.txt"
        env = _env(tmp)
        library = db or _small_library(tmp)
        bare_cmd = [sys.executable, "-c", BARE_WIDGET, str(probe)]
        checkouts = {"this": (Path(sys.executable), ROOT)}
        if against is not None:
            python = against / ".venv" / "bin" / "python"
            checkouts = {
                "against": (python if python.exists() else Path(sys.executable), against),
                **checkouts,
            }
        probe_env = {"DUBAO_STARTUP_PROBE": str(probe), "DUBAO_STARTUP_PROBE_LIBRARY": "1"}
        # name -> (command, environment, app-data folder to empty first or None, library to write first or None)
        cases: dict[str, tuple[list[str], dict[str, str], Path | None, Path | None]] = {}
        names = ("first", "again", "library", "written")
        for who, (python, checkout) in checkouts.items():
            main = [str(python), str(checkout / "main.py")]
            for name in names:
                sub = f"{who}-{name}"
                case_env = dict(
                    env, XDG_CONFIG_HOME=str(tmp / sub / "config"), XDG_DATA_HOME=str(tmp / sub / "data")
                )
                case_env.update(probe_env)
                target = tmp / sub / "library.sqlite3"
                if name == "library":
                    target = library
                elif name == "written":  # its own copy: the writes leave the other cases' kept views valid
                    target = tmp / sub / "written.sqlite3"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _copy_library(library, target)
                if name in ("library", "written"):
                    _last_page_settings(tmp / sub / "config", target)
                cases[f"{who}:{name}"] = (
                    [*main, "--db", str(target)],
                    case_env,
                    tmp / sub / "data" if name == "first" else None,
                    target if name == "written" else None,
                )
        labels = {
            "first": "first start: the sample page, no library file yet, nothing kept",
            "again": "the sample page again (its parse kept), an empty library",
            "library": f"the last page read, in {'the given' if db else 'a 20-page'} library (view kept at exit)",
            "written": "the same, the library written by another program since the last exit",
        }
        # One run of each first, not counted: it writes the bytecode cache (and the kept parse and view).
        _usable(bare_cmd, probe, env)
        for cmd, case_env, _, _ in cases.values():
            _usable(cmd, probe, case_env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in ("bare", *cases)}
        complete: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        opened: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(repeat):
            for name in names:  # each case for each checkout in turn, the bare window before each case
                runs["bare"].append(_usable(bare_cmd, probe, env))
                for who in checkouts:
                    cmd, case_env, fresh, written = cases[f"{who}:{name}"]
                    if fresh is not None:  # nothing kept from the run before, no library yet: a first start
                        shutil.rmtree(fresh, ignore_errors=True)
                        for made in fresh.parent.glob("library.sqlite3*"):
                            made.unlink()
                    if written is not None:
                        _write_since(written)
                    usable, library_open, done = _run_marks(cmd, probe, case_env)
                    runs[f"{who}:{name}"].append(usable)
                    opened[f"{who}:{name}"].append(library_open)
                    complete[f"{who}:{name}"].append(done)
    load = os.getloadavg()
    wall = {name: statistics.median(r[0] for r in rs) for name, rs in runs.items()}
    cpu = {name: statistics.median(r[1] for r in rs) for name, rs in runs.items()}
    print(f"start to a usable window (page painted, library panel filled), median of {repeat}, alternated; "
          f"load average {load[0]:.1f} / {load[1]:.1f} on {os.cpu_count()} cores")  # fmt: skip
    print(f"  bare QWidget, first paint: wall {wall['bare']:.3f} s, CPU {cpu['bare']:.3f} s")
    for name in names:
        for who, (_python, checkout) in checkouts.items():
            key = f"{who}:{name}"
            ratio_wall, ratio_cpu = wall[key] / wall["bare"], cpu[key] / cpu["bare"]
            verdict = "met" if ratio_cpu <= START_GOAL_RATIO else "MISSED"
            source = "" if against is None else f"[{checkout.name}] "
            print(
                f"  {source}{labels[name]}: wall {wall[key]:.3f} s = {ratio_wall:.2f}× bare, CPU {cpu[key]:.3f} s = "
                f"{ratio_cpu:.2f}× bare  (goal ≤ {START_GOAL_RATIO:g}×, CPU: {verdict})"
            )
            for label, marks in (
                ("the library open (just after, when the panel was shown as kept at the last exit)", opened),
                ("then annotations, language, proofreading… built and the page painted again", complete),
            ):
                mark_wall = statistics.median(r[0] for r in marks[key])
                mark_cpu = statistics.median(r[1] for r in marks[key])
                print(
                    f"    {label}: wall {mark_wall:.3f} s = {mark_wall / wall['bare']:.2f}×, "
                    f"CPU {mark_cpu:.3f} s = {mark_cpu / cpu['bare']:.2f}× bare"
                )


def _copy_library(source: Path, target: Path) -> None:
    """A copy of the library file (SQLite's backup: whole, whatever its log holds)."""
    import sqlite3

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


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
    parser.add_argument("--db", type=Path, help="a library whose page is the last page read")
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. an unmodified main, with its own .venv) timed in the same runs, alternated",
    )
    parser.add_argument(
        "--only", choices=["start", "switch"], help="only the start-up, or only page switching"
    )
    args = parser.parse_args()
    if args.only != "switch":
        startup(args.repeat, args.db, args.against)
    if args.only != "start":
        page_switch(args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
