"""numpy's BLAS runs in one thread whichever part of the core loads numpy first.

In the window the parser loads numpy before the language core; with a BLAS thread per core,
g2pM's small matrices made a page's pinyin about twice as slow (models/__init__.py says more).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Records the BLAS thread settings at the moment numpy is first imported.
_WATCH = """
import os, sys
seen = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "numpy" and not seen:
            seen.append((os.environ.get("OPENBLAS_NUM_THREADS"), os.environ.get("OMP_NUM_THREADS")))
        return None
sys.meta_path.insert(0, Watch())
import {module}
print(seen[0] if seen else "numpy not loaded")
"""


def _run(code: str, env: dict[str, str]) -> str:
    """What a fresh interpreter started in the project prints for ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize("module", ["models.parser", "models.language.polyphone_model"])
def test_numpy_is_loaded_with_one_blas_thread(module: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    assert _run(_WATCH.format(module=module), env) == "('1', '1')"


def test_a_setting_of_the_user_is_kept() -> None:
    code = "import os, models.parser; print(os.environ['OPENBLAS_NUM_THREADS'])"
    assert _run(code, dict(os.environ, OPENBLAS_NUM_THREADS="2")) == "2"
