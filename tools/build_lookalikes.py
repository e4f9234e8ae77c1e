"""Build resources/proofreading/lookalikes.tsv: each common Han character's look-alikes.

OCR mistakes one character for another that looks like it (人/入, 土/士, 己/已, 贪/资).
This script renders the most common characters with the CJK fonts installed on the build
machine (Noto Sans CJK and Noto Serif CJK: ``apt-get install fonts-noto-cjk``), blurs
each glyph bitmap and compares every pair by the cosine of the blurred bitmaps, which
rewards strokes in the same places of the em box. Each character keeps its nearest
neighbours with their similarity (0–1, the mean over the fonts).

Build-time only: needs Pillow (``pip install -e ".[tools]"``); the app reads the table.

    python tools/build_lookalikes.py [--chars 6000] [--neighbours 40]
"""

from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.proofreading_sources import common_characters  # noqa: E402

SIZE = 48  # render size in pixels (the em box)
SMALL = 24  # compared at this size after blurring
HALF_WEIGHT = 0.4  # share of the score from the best-matching half

FONT_PATTERNS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
]


def _fonts():
    from PIL import ImageFont

    fonts = []
    for pattern in FONT_PATTERNS:
        for path in glob.glob(pattern):
            # index 2 is the SC (simplified Chinese) face in Noto's collections
            fonts.append((path, ImageFont.truetype(path, SIZE, index=2)))
    if not fonts:
        raise SystemExit("no Noto CJK font found: apt-get install fonts-noto-cjk")
    return fonts


def _normalised(rows: np.ndarray) -> np.ndarray:
    rows = rows - rows.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def _regions(bitmaps: np.ndarray) -> list[np.ndarray]:
    """The whole glyph and its four halves (left, right, top, bottom), each normalised."""
    img = bitmaps.reshape(len(bitmaps), SMALL, SMALL)
    cut = SMALL * 7 // 12
    parts = [img, img[:, :, :cut], img[:, :, SMALL - cut :], img[:, :cut, :], img[:, SMALL - cut :, :]]
    return [_normalised(p.reshape(len(p), -1)) for p in parts]


def _render(font, chars: list[str]) -> np.ndarray:
    """Blurred glyph bitmaps, one row per character."""
    from PIL import Image, ImageDraw, ImageFilter

    rows = np.zeros((len(chars), SMALL * SMALL), dtype=np.float32)
    ascent, _descent = font.getmetrics()
    for k, ch in enumerate(chars):
        img = Image.new("L", (SIZE, SIZE), 0)
        ImageDraw.Draw(img).text((0, SIZE - ascent - 4), ch, fill=255, font=font)
        img = img.filter(ImageFilter.GaussianBlur(1.2)).resize((SMALL, SMALL), Image.BILINEAR)
        rows[k] = np.asarray(img, dtype=np.float32).ravel()
    return rows


def similarities(chars: list[str], neighbours: int) -> list[list[tuple[str, float]]]:
    fonts = _fonts()
    regions = [_regions(_render(font, chars)) for _path, font in fonts]
    out: list[list[tuple[str, float]]] = []
    step = 500
    for lo in range(0, len(chars), step):
        sim = np.zeros((min(step, len(chars) - lo), len(chars)), dtype=np.float32)
        for whole, *halves in regions:
            best_half = np.maximum.reduce([h[lo : lo + step] @ h.T for h in halves])
            # the whole glyph, and the best-matching half (same phonetic part, same radical area)
            sim += (1 - HALF_WEIGHT) * (whole[lo : lo + step] @ whole.T) + HALF_WEIGHT * best_half
        sim /= len(regions)
        for r in range(sim.shape[0]):
            sim[r, lo + r] = -1.0  # not its own look-alike
        top = np.argpartition(-sim, neighbours, axis=1)[:, :neighbours]
        for r in range(sim.shape[0]):
            idx = sorted(top[r], key=lambda j: -sim[r, j])
            out.append([(chars[j], float(sim[r, j])) for j in idx])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=6000)
    ap.add_argument("--neighbours", type=int, default=40)
    ap.add_argument("-o", "--out", default=str(ROOT / "resources" / "proofreading" / "lookalikes.tsv"))
    args = ap.parse_args()
    chars = common_characters(args.chars)
    table = similarities(chars, args.neighbours)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write(
            "# character<TAB>look-alike:similarity ... (cosine of blurred glyphs, Noto CJK fonts, "
            "most similar first). Made by tools/build_lookalikes.py\n"
        )
        for ch, row in zip(chars, table):
            f.write(ch + "\t" + " ".join(f"{c}:{s:.2f}" for c, s in row) + "\n")
    print(f"{len(chars)} characters -> {out}")


if __name__ == "__main__":
    main()
