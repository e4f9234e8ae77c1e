"""Compact storage of a text's source map: runs of consecutive raw offsets.

A paragraph's characters mostly come from consecutive raw characters, broken only where
the parser dropped a line break or an OCR space, so ``[raw_start, length]`` runs store a
20-character line in two numbers instead of twenty.
"""

from __future__ import annotations

import json
from collections.abc import Sequence


def to_runs(source: Sequence[int]) -> list[list[int]]:
    """``[[raw_start, length], ...]``: each run maps ``length`` characters to consecutive offsets."""
    runs: list[list[int]] = []
    items = iter(source)
    start = previous = next(items, None)
    if start is None:
        return runs
    for offset in items:
        if offset != previous + 1:
            runs.append([start, previous - start + 1])
            start = offset
        previous = offset
    runs.append([start, previous - start + 1])
    return runs


def from_runs(runs: Sequence[Sequence[int]]) -> list[int]:
    """The per-character offsets that :func:`to_runs` compressed."""
    source: list[int] = []
    for start, length in runs:
        source.extend(range(start, start + length))
    return source


def encode(source: Sequence[int]) -> str:
    """The source map as compact JSON for a text column."""
    return json.dumps(to_runs(source), separators=(",", ":"))


def decode(stored: str | None) -> list[int]:
    """The per-character offsets from a stored map (``None`` or empty for no text)."""
    if not stored:
        return []
    return from_runs(json.loads(stored))
