"""Glyph similarity of any two common Han characters, from short rendered-glyph vectors.

``resources/proofreading/glyphs.npz`` (made by ``tools/build_glyphs.py`` from Noto CJK
renderings) holds one signed-byte vector per common character; the dot product of two
vectors is the cosine similarity of the blurred glyphs (whole glyph and halves blended),
about 0.33 for two characters picked at random and 0.7-0.9 for close look-alikes. Unlike
the look-alike table, which keeps each character's 40 nearest glyphs, it answers for every
pair, so a character that shares only one part with another (烦/题) still scores above an
unrelated one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from models.errors import DubaoError
from models.resources import resource_path

#: The similarity given to a pair where either character has no vector (a rare character):
#: the mean over random pairs, so it neither helps nor hurts.
UNKNOWN = 0.33


class Glyphs:
    def __init__(self, chars: str, vectors: np.ndarray) -> None:
        self.index = {ch: k for k, ch in enumerate(chars)}
        self.vectors = vectors.astype(np.float32)

    @classmethod
    def bundled(cls, path: Path | None = None) -> Glyphs:
        path = path or resource_path("proofreading", "glyphs.npz")
        try:
            with np.load(path, allow_pickle=False) as data:
                scale = float(data["scale"][0])
                return cls(str(data["chars"][0]), data["vectors"] * np.float32(scale))
        except (OSError, ValueError, KeyError) as exc:
            raise DubaoError(f"the checker's glyph file {path.name} cannot be read ({exc})") from None

    @classmethod
    def empty(cls) -> Glyphs:
        return cls("", np.zeros((0, 1), dtype=np.float32))

    def similarity(self, a: str, b: str) -> float:
        i, j = self.index.get(a), self.index.get(b)
        if i is None or j is None:
            return UNKNOWN
        return float(self.vectors[i] @ self.vectors[j])

    def similarities(self, a: str, others: Sequence[str]) -> list[float]:
        """``similarity(a, x)`` for each ``x`` of ``others``, in one product."""
        i = self.index.get(a)
        if i is None:
            return [UNKNOWN] * len(others)
        index = self.index
        rows = [index.get(x, -1) for x in others]
        known = [r for r in rows if r >= 0]
        values = iter((self.vectors[known] @ self.vectors[i]).tolist()) if known else iter(())
        return [next(values) if r >= 0 else UNKNOWN for r in rows]
