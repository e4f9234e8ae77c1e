"""The core never imports Qt: importing every module of models/ leaves PySide6 unloaded."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CHECK = """
import importlib, pkgutil, sys
import models
for info in pkgutil.walk_packages(models.__path__, "models."):
    importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(",".join(loaded))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
