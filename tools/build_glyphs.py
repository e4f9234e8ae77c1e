"""Build resources/proofreading/glyphs.npz: a short glyph vector per common Han character.

The look-alike table (``tools/build_lookalikes.py``) keeps only each character's 40
nearest glyphs, but real OCR also confuses characters that share one part or a rough
outline (烦/题, 牛/年, 候/院). This script renders the same fonts the same way (Noto Sans
and Serif CJK, OFL; blurred 24x24 bitmaps of the whole glyph and of its four halves),
joins each font's whole-glyph and half-glyph vectors, each normalised and weighted so that
the dot product of two joined vectors is the table's blend of whole and half similarity
(halves averaged rather than the best one taken), and keeps the first ``--dims`` principal
components, rounded to signed bytes. The checker then measures the glyph similarity of
any two characters with one dot product (:mod:`models.proofreading.glyphs`).

Build-time only: needs Pillow (``pip install -e ".[tools]"``) and ``fonts-noto-cjk``; only
the derived vectors ship.

    python tools/build_glyphs.py [--chars 8000] [--dims 64]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_lookalikes import HALF_WEIGHT, _fonts, _regions, _render  # noqa: E402
from tools.proofreading_sources import common_characters  # noqa: E402

OUT = ROOT / "resources" / "proofreading" / "glyphs.npz"


def joined_vectors(chars: list[str]) -> np.ndarray:
    """One row per character: dot(row_a, row_b) = mean over fonts of the whole/half blend."""
    fonts = _fonts()
    parts = []
    for _path, font in fonts:
        whole, *halves = _regions(_render(font, chars))
        parts.append(np.sqrt(1 - HALF_WEIGHT) * whole)
        parts.extend(np.sqrt(HALF_WEIGHT / len(halves)) * h for h in halves)
    return np.hstack(parts) / np.sqrt(len(fonts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=8000)
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("-o", "--out", default=str(OUT))
    args = ap.parse_args()
    chars = common_characters(args.chars)
    full = joined_vectors(chars).astype(np.float64)
    # principal directions of the joined vectors (not centred: the dot product is what is kept)
    _u, _s, vt = np.linalg.svd(full[:: max(1, len(full) // 4000)], full_matrices=False)
    reduced = full @ vt[: args.dims].T
    scale = float(np.abs(reduced).max()) / 127
    vectors = np.round(reduced / scale).astype(np.int8)
    # how well the short vectors keep the similarity, on random pairs and nearest pairs
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, len(chars), 20000), rng.integers(0, len(chars), 20000)
    exact = np.einsum("ij,ij->i", full[a], full[b])
    approx = np.einsum("ij,ij->i", vectors[a].astype(np.float64), vectors[b].astype(np.float64)) * scale**2
    print(
        f"random pairs: exact mean {exact.mean():.3f}, correlation {np.corrcoef(exact, approx)[0, 1]:.3f}, "
        f"mean abs error {np.abs(exact - approx).mean():.3f}"
    )
    out = Path(args.out)
    np.savez_compressed(out, chars=np.array(["".join(chars)]), vectors=vectors, scale=np.array([scale]))
    print(f"{len(chars)} characters x {args.dims} -> {out} ({out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
