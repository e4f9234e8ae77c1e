"""What the snapshot tools (``parse_snapshot.py``, ``readings_snapshot.py``) share: their command
line (``--write FILE`` before a change, ``--compare FILE`` after it) and the gzipped JSON file."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any


def snapshot_arguments(description: str) -> argparse.Namespace:
    """``write`` or ``compare``: the one FILE given (the other is None)."""
    parser = argparse.ArgumentParser(description=description)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    return parser.parse_args()


def write_snapshot(path: Path, data: Any) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def read_snapshot(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)
