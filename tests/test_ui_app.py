"""The app as a process: the screenshot contract, bad files, start-up order."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import ROOT


def _run(*args: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_screenshot_of_the_sample_page_is_a_1600_by_1000_png(tmp_path, qapp):
    out = tmp_path / "shot.png"
    result = _run("--screenshot", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # Not a blank grab: the page's text put many different colours on it.
    colours = {image.pixel(x, y) for x in range(300, 1600, 7) for y in range(100, 1000, 7)}
    assert len(colours) > 20
    # The screenshot neither reads nor writes the user's settings.
    assert not list((tmp_path / "config").rglob("*.conf"))


def test_screenshot_of_a_broken_file_fails_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("--screenshot", str(tmp_path / "x.png"), str(empty), tmp_path=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "empty" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_nothing_slow_is_imported_before_the_window_module_loads():
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); import ui.shell.app, ui.shell.main_window; "
        "print(','.join(m for m in ('jieba', 'peewee', 'pypinyin', 'models.library') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
