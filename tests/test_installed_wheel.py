"""A user's install: the wheel built from this checkout, installed into a fresh venv, run elsewhere.

``pip install .`` used to leave ``resources/`` out of the wheel (no sample page, no words.tsv, no
translations) and installed top-level modules ``main``, ``models`` and ``ui``. This builds the
wheel offline (setuptools' PEP 517 backend), installs it with ``pip --no-deps`` into a fresh venv
that borrows this venv's dependencies (a .pth line, so no download), and runs ``dubao parse``,
``dubao pinyin`` and ``dubao --screenshot`` from a folder outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("setup.py", "pyproject.toml", "README.md", "__init__.py", "main.py", "models", "ui", "resources")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fresh venv's bin folder, with the wheel of this checkout installed in it."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, src / name)
    dist = base / "dist"
    build = f"from setuptools import build_meta; print(build_meta.build_wheel({str(dist)!r}))"
    subprocess.run([sys.executable, "-c", build], cwd=src, check=True, capture_output=True)
    [wheel] = dist.glob("dubao-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Borrow this venv's dependencies (PySide6, jieba, …): appended after the fresh venv's own
    # site-packages, so the installed dubao, not this checkout, is what runs.
    fresh_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(fresh_site, "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (base / "wheel_path").write_text(str(wheel))
    return python.parent


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(cwd), XDG_DATA_HOME=str(cwd / "data"))
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(bin_dir / "dubao"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )


def test_the_wheel_holds_one_package_with_its_resources(installed: Path) -> None:
    wheel = Path((installed.parent.parent / "wheel_path").read_text())
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"dubao"}  # no top-level main, models, ui or resources to clash with others'
    # Every data file the app may look up, whatever folder of resources/ it is in.
    shipped = {
        f"dubao/{path.relative_to(ROOT).as_posix()}"
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix != ".ts" and path.name != "screenshot.png"
    }
    assert shipped and not shipped - set(names), sorted(shipped - set(names))
    for bundled in (
        "dubao/main.py",
        "dubao/models/resources.py",
        "dubao/ui/shell/app.py",
    ):
        assert bundled in names


def test_the_installed_commands_run_from_another_folder(installed: Path, tmp_path: Path) -> None:
    page = tmp_path / "页.txt"
    shutil.copy(ROOT / "resources" / "sample-page.txt", page)
    parsed = _run(installed, "parse", str(page), cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr
    assert '"sections"' in parsed.stdout and "焦作" in parsed.stdout

    pinyin = _run(installed, "pinyin", "银行行长", cwd=tmp_path)
    assert pinyin.returncode == 0, pinyin.stderr
    assert pinyin.stdout.strip() == '["yín", "háng", "háng", "zhǎng"]'

    where = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import dubao; dubao.use_own_modules(); import models, ui; "
            "from models.resources import resource_path; print(models.__file__); print(resource_path())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    venv = installed.parent.resolve()
    assert all(Path(p).resolve().is_relative_to(venv) for p in where), where


def test_the_installed_window_renders_the_bundled_sample_page(installed: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = _run(installed, "--screenshot", str(shot), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)
