"""Build resources/proofreading/ocr_confusions.tsv: which characters a real OCR engine reads for which.

The look-alike table (tools/build_lookalikes.py) says which glyphs look alike when rendered;
an OCR engine confuses other pairs too (a stroke lost in a low-resolution scan, a rare
character read as the common one its model knows). This script learns those pairs from an
engine: it renders clean sentences as text lines in several fonts, degrades the images
(low resolution, blur, noise, thicker or thinner ink, thresholding, slight skew), reads
them with Tesseract's Simplified Chinese model, aligns what it read with what was printed
(difflib, per line) and counts, in same-length substitution blocks of Han characters, how
often each character was read as each other one.

Build-time only; the app never needs Tesseract. What it uses (all from Debian's registry):

- ``tesseract-ocr`` and ``tesseract-ocr-chi-sim`` (Apache-2.0);
- fonts: ``fonts-noto-cjk`` (SIL OFL 1.1), ``fonts-arphic-uming`` / ``fonts-arphic-ukai``
  (Arphic Public License), ``fonts-wqy-zenhei`` (GPL-2 with font embedding exception),
  ``fonts-wqy-microhei`` (Apache-2.0 or GPL-3 with font exception): only rendered into
  images here, nothing of them ships;
- text: the CPP sentences (g2pM, Apache-2.0; Chinese Wikipedia, CC BY-SA), read from
  ``../shared/data/cpp-dev/dev.sent`` at build time (never the news-dev or FASPell data).

The table has one row per (character as read, right character, count); a row whose two
characters are the same counts how often that character was read right, so a confusion's
rate is its count over the sum of its read character's rows.

    apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk fonts-arphic-uming \\
        fonts-arphic-ukai fonts-wqy-zenhei fonts-wqy-microhei
    nice -n 10 python tools/build_ocr_confusions.py [--cpu-minutes 30] [--wall-minutes 120] [--jobs 2] [--seed 3]
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.proofreading.language import is_han  # noqa: E402
from tools.proofreading_sources import cpp_sentences  # noqa: E402

OUT = ROOT / "resources" / "proofreading" / "ocr_confusions.tsv"

#: (path, face index in the collection): the SC face where a collection has several.
FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
]
RENDER = 48  # glyphs are drawn at this size, then scaled down to the line's size
LINE_CHARS = 24  # longest line
LINES_PER_IMAGE = 30  # one Tesseract start-up reads this many lines


def lines_of(sentences: list[str]) -> list[str]:
    """The sentences cut into lines of at most LINE_CHARS characters, spaces removed."""
    out = []
    for sentence in sentences:
        text = "".join(sentence.split())
        for k in range(0, len(text), LINE_CHARS):
            piece = text[k : k + LINE_CHARS]
            if sum(is_han(ch) for ch in piece) >= 4:
                out.append(piece)
    return out


def render(lines: list[str], rng: random.Random, fonts: list):
    """One degraded greyscale image of ``lines``, one under the other, and what was done to it."""
    from PIL import Image, ImageDraw, ImageFilter

    font = rng.choice(fonts)
    size = rng.choice([12, 13, 14, 15, 16, 18, 20, 24])  # pixel height of a character, as scanned
    step = int(RENDER * 1.7)
    width = RENDER * (LINE_CHARS + 2)
    image = Image.new("L", (width, step * len(lines) + RENDER), 255)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        draw.text((RENDER, RENDER // 2 + k * step), line, font=font, fill=0)
    ink = rng.choice(["", "", "thick", "thin"])  # ink bleed or worn type
    if ink == "thick":
        image = image.filter(ImageFilter.MinFilter(3))
    elif ink == "thin":
        image = image.filter(ImageFilter.MaxFilter(3))
    skew = rng.uniform(-1.0, 1.0)
    image = image.rotate(skew, resample=Image.BILINEAR, expand=True, fillcolor=255)
    scale = size / RENDER
    image = image.resize((int(image.width * scale), int(image.height * scale)), Image.BILINEAR)
    blur = rng.choice([0.0, 0.0, 0.4, 0.7, 1.0])
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    noise = rng.choice([0, 0, 12, 25])
    if noise:
        import numpy as np

        pixels = np.asarray(image, dtype=np.float32)
        pixels += np.random.default_rng(rng.randrange(1 << 30)).normal(0, noise, pixels.shape)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"))
    if rng.random() < 0.3:  # a bilevel scan
        cut = rng.randint(110, 170)
        image = image.point(lambda v: 255 if v > cut else 0)
    what = f"{Path(font.path).name} {size}px ink={ink or 'plain'} skew={skew:+.1f} blur={blur} noise={noise}"
    return image, what


def ocr(path: Path) -> list[str]:
    """The lines Tesseract reads in the image (one block of text), spaces removed."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(
        ["tesseract", str(path), "stdout", "-l", "chi_sim", "--psm", "6"],
        capture_output=True,
        text=True,
        env=env,
    )
    return ["".join(line.split()) for line in done.stdout.splitlines() if line.strip()]


def confusions(printed: str, read: str, counts: Counter) -> None:
    """Add to ``counts`` (read, right) for every Han character in same-length substitution
    blocks, and (c, c) for every Han character read right."""
    matcher = difflib.SequenceMatcher(None, printed, read, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for ch in printed[i1:i2]:
                if is_han(ch):
                    counts[ch, ch] += 1
        elif op == "replace" and i2 - i1 == j2 - j1:
            for right, got in zip(printed[i1:i2], read[j1:j2]):
                if is_han(right) and is_han(got):
                    counts[got, right] += 1


def align(lines: list[str], read: list[str], counts: Counter) -> None:
    """Line by line when Tesseract found as many lines as were printed, else the block whole."""
    if len(read) == len(lines):
        for printed, got in zip(lines, read):
            confusions(printed, got, counts)
    else:
        confusions("\n".join(lines), "\n".join(read), counts)


def write_table(counts: Counter, path: Path, about: str) -> tuple[int, int]:
    """Confusions (read != right) and, for each character read wrongly at least once, how
    often it was read right; returns (confusion pairs, characters as read)."""
    wrong = {(a, b): c for (a, b), c in counts.items() if a != b}
    reads = sorted({a for a, _b in wrong})
    rows = []
    for a in reads:
        rows.append((a, a, counts.get((a, a), 0)))
    rows += [(a, b, c) for (a, b), c in wrong.items()]
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(about)
        for a, b, c in rows:
            f.write(f"{a}\t{b}\t{c}\n")
    os.replace(tmp, path)
    return len(wrong), len(reads)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cpu-minutes", type=float, default=30.0, help="stop after this much CPU (Tesseract's)")
    ap.add_argument(
        "--wall-minutes", type=float, default=120.0, help="or after this much time (shared machine)"
    )
    ap.add_argument("--jobs", type=int, default=2, help="Tesseract processes at a time")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--passes", type=int, default=2, help="times each sentence is printed (other fonts)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if shutil.which("tesseract") is None:
        raise SystemExit("tesseract not found: apt-get install tesseract-ocr tesseract-ocr-chi-sim")
    from PIL import ImageFont

    fonts = [ImageFont.truetype(p, RENDER, index=i) for p, i in FONTS if Path(p).exists()]
    if not fonts:
        raise SystemExit("no CJK font found: apt-get install fonts-noto-cjk fonts-arphic-uming …")
    rng = random.Random(args.seed)
    lines = lines_of(cpp_sentences())
    batches = []
    for _ in range(args.passes):
        order = lines[:]
        rng.shuffle(order)
        batches += [order[k : k + LINES_PER_IMAGE] for k in range(0, len(order), LINES_PER_IMAGE)]
    print(f"{len(lines)} lines, {len(batches)} images of {LINES_PER_IMAGE} lines, {len(fonts)} fonts")
    counts: Counter = Counter()
    budget = args.cpu_minutes * 60
    start, printed = time.time(), 0

    def cpu() -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return used.ru_utime + used.ru_stime

    def one(k: int, batch: list[str], folder: Path, seed: int) -> tuple[list[str], list[str], str]:
        image, what = render(batch, random.Random(seed), fonts)
        path = folder / f"{k}.png"
        image.save(path)
        read = ocr(path)
        path.unlink()
        return batch, read, what

    about_head = (
        "# Characters Tesseract (chi_sim, Apache-2.0) read for others in degraded renderings of the CPP\n"
        "# sentences (g2pM, Apache-2.0; Chinese Wikipedia, CC BY-SA) in Noto CJK, AR PL UMing/UKai and\n"
        "# WenQuanYi fonts; made by tools/build_ocr_confusions.py.\n"
        "# read<TAB>right<TAB>count; read == right: times the character was read right.\n"
    )
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        folder = Path(tmp)
        k = 0
        while k < len(batches) and cpu() < budget and time.time() - start < args.wall_minutes * 60:
            wave = [
                pool.submit(one, k + j, batches[k + j], folder, rng.randrange(1 << 30))
                for j in range(min(args.jobs * 4, len(batches) - k))
            ]
            for future in wave:
                batch, read, _what = future.result()
                align(batch, read, counts)
                printed += sum(len(x) for x in batch)
            k += len(wave)
            wrong = sum(c for (a, b), c in counts.items() if a != b)
            right = sum(c for (a, b), c in counts.items() if a == b)
            print(
                f"{k}/{len(batches)} images, {printed} characters printed, {cpu():.0f} s CPU, "
                f"{time.time() - start:.0f} s, Han read right {right}, misread {wrong} "
                f"({printed / max(cpu(), 1):.0f} characters per CPU second)",
                flush=True,
            )
            if k % (args.jobs * 40) == 0:
                write_table(counts, args.out, about_head)
    about = about_head + f"# {printed} characters printed in {k} images ({cpu() / 60:.0f} min of CPU).\n"
    pairs, chars = write_table(counts, args.out, about)
    print(f"{pairs} confusion pairs of {chars} characters as read -> {args.out}")


if __name__ == "__main__":
    main()
