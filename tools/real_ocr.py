"""Build a page set really read by an OCR engine, with gold that matches what the engine printed
(issue 9: "a few real OCR'd pages", titles at the top, no blank lines, OCR's own errors).

Run: nice -n 10 .venv/bin/python tools/real_ocr.py [--out DIR] [--first N] [--size PX]
         [--degrade none|mild] [--lines N] [--jobs J] [--check] [--noblank] [SET ...]
(default: pages-dev, pages-dev-column, pages-dev-engine and seed, the first 20 pages of each,
into /work/real-ocr/SET/, and links to the same pages as printed into /work/real-ocr/printed/SET/
to score them clean; SET is a set of ../shared/data or a folder with a "/")

``--noblank`` (default out /work/real-ocr-noblank): the same reads with every blank line taken
out, as the held-out real pages of issue 9 come (titles at the top, no blank lines, OCR's own
errors), so that the parser reads them by its engine path; the gold is the one carried to the
read text (blank lines hold no character: the scorer ignores white space), and printed/SET holds
the pages as printed with their blank lines taken out too (no other character changed).

Each page's .txt is rendered line for line as the page prints it (the same line breaks and
blank lines, the same spaces; Noto Serif CJK SC from ``fonts-noto-cjk``, ``--size`` px, black on
white, ``mild`` degradation by default: a light blur and grey noise, seeded by the page), about
``--lines`` lines an image (cut at a blank line where one is near), and each image is read by
Tesseract (``tesseract IMG - -l chi_sim --psm 6``). The page's read text is the images' text
joined, one newline apart (two where the page had a blank line at the cut).

The gold is carried over: each gold field's characters (paragraphs, headings, kickers,
subheadings, bylines) are found in the page's non-space characters (as ``tools/ocr_noise.py``
does), the printed and read characters of each image are aligned (difflib, white space left
out), and each field becomes the characters the engine printed for it — a character read for a
printed one, or read between two printed ones of the same field, belongs to that field; one read
between two fields belongs to the field on the same printed line (the earlier one at a field
boundary inside a line); a printed character the engine dropped is dropped. White space inside a
field is kept where the gold had it between two characters read right. So SET/NAME.gold.json
beside the read SET/NAME.txt scores what a perfect parser would get from the read text, and
``structure_eval.py DIR CMD`` scores it as any dev set. ``--check`` scores a "parser" that prints
the carried gold on the written set (every figure must be 1.0, every page conserved).

The engine's reads are cached (DIR/.cache/, by the image's lines and how it was drawn), so a
rerun only aligns. Tesseract reads about 370 characters a CPU second; a page of 6,500
characters takes about 20 s of CPU. Measuring only: the app and the tests never need Tesseract,
Pillow or ../shared (``apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk``,
``pip install -e ".[tools]"``).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from ocr_noise import _gold_fields, gold_positions  # noqa: E402

SETS = ("pages-dev", "pages-dev-column", "pages-dev-engine", "seed")
OUT = Path("/work/real-ocr")
#: Where ``--noblank`` writes by default.
OUT_NOBLANK = Path("/work/real-ocr-noblank")
FONT = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2)  # the SC face
SIZE = 28
LINES = 40
#: How an image is drawn, part of the cache key (a change of drawing reads the pages again).
DRAW_VERSION = 1


def chunks(lines: list[str], per: int = LINES) -> list[tuple[int, int]]:
    """The page's lines cut into images of about ``per`` lines: (first, end) line numbers. A cut
    falls at a blank line within a quarter of ``per`` of the mark where there is one (the blank
    line then begins no image: it is kept by the join), else at the mark."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(lines):
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start >= len(lines):
            break
        mark = start + per
        if mark >= len(lines):
            out.append((start, len(lines)))
            break
        near = [k for k in range(mark - per // 4, mark + per // 4) if k < len(lines) and not lines[k].strip()]
        end = min(near, key=lambda k: abs(k - mark)) if near else mark
        out.append((start, end))
        start = end
    return out


def render(lines: list[str], size: int, degrade: str, seed: int):
    """A greyscale image of ``lines``, one under the other, blank lines as empty rows."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(FONT[0], size, index=FONT[1])
    step = int(size * 1.5)
    margin = size
    width = int(max([font.getlength(x) for x in lines] + [size])) + 2 * margin
    image = Image.new("L", (width, step * len(lines) + 2 * margin), 255)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        if line.strip():
            draw.text((margin, margin + k * step), line, font=font, fill=0)
    if degrade == "mild":
        rng = random.Random(seed)
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
        import numpy as np

        pixels = np.asarray(image, dtype=np.float32)
        pixels += np.random.default_rng(seed).normal(0, rng.uniform(6, 14), pixels.shape)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"))
    return image


def tesseract(path: Path) -> str:
    """What Tesseract prints for the image: one block of text (--psm 6), Simplified Chinese."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(
        ["tesseract", str(path), "-", "-l", "chi_sim", "--psm", "6"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.replace("\f", "").rstrip()


class Reader:
    """Reads images of lines with Tesseract, through a cache of earlier reads."""

    def __init__(self, cache: Path, size: int, degrade: str, indent: bool = False) -> None:
        self.cache, self.size, self.degrade, self.indent = cache, size, degrade, indent
        cache.mkdir(parents=True, exist_ok=True)
        self.read_now = 0  # characters Tesseract read in this run (not from the cache)

    def key(self, lines: list[str], seed: int) -> str:
        what = json.dumps([DRAW_VERSION, FONT, self.size, self.degrade, seed, lines], ensure_ascii=False)
        return hashlib.sha1(what.encode("utf-8")).hexdigest()

    def read(self, lines: list[str], seed: int) -> str:
        hit = self.cache / f"{self.key(lines, seed)}.txt"
        if hit.exists():
            return hit.read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "page.png"
            render(lines, self.size, self.degrade, seed).save(path)
            text = tesseract(path)
        part = hit.with_suffix(".part")
        part.write_text(text, encoding="utf-8")
        os.replace(part, hit)
        self.read_now += sum(len(x) for x in lines)
        return text


def indented(raw: str, gold: dict) -> set[int]:
    """The lines that begin a gold paragraph (its first character the line's first), as line numbers."""
    own = gold_positions(raw, gold)
    fields = list(_gold_fields(gold))
    first: dict[int, int] = {}
    for at, (f, _j) in own.items():
        if fields[f][1] == "paragraphs" and (f not in first or at < first[f]):
            first[f] = at
    out = set()
    for at in first.values():
        start = raw.rfind("\n", 0, at) + 1
        if not raw[start:at].strip():
            out.add(raw.count("\n", 0, at))
    return out


def read_page(
    raw: str, reader: Reader, pool: ThreadPoolExecutor, name: str, per: int = LINES, gold: dict | None = None
):
    """The page's images, each as (printed text, read text, raw offset of its first character),
    and the page's read text. With ``reader.indent`` the lines that begin a paragraph are drawn
    two ideographic spaces in (as print sets them; the dev pages' text dropped the indent)."""
    lines = raw.split("\n")
    starts = [0]
    for x in lines:
        starts.append(starts[-1] + len(x) + 1)
    drawn = lines
    if reader.indent and gold is not None:
        first = indented(raw, gold)
        drawn = ["\u3000\u3000" + x.lstrip() if k in first else x for k, x in enumerate(lines)]
    cuts = chunks(lines, per)
    seeds = [zlib.crc32(f"{name}:{a}".encode()) for a, _b in cuts]
    reads = list(pool.map(lambda c: reader.read(drawn[c[0][0] : c[0][1]], c[1]), zip(cuts, seeds)))
    parts = []
    text = ""
    for (a, b), got in zip(cuts, reads):
        if text:
            text += "\n\n" if not lines[a - 1].strip() else "\n"
        text += got.strip("\n")
        parts.append(("\n".join(lines[a:b]), got, starts[a]))
    return parts, text + "\n"


def _nonspace(text: str, base: int = 0) -> tuple[str, list[int]]:
    where = [i for i, c in enumerate(text) if not c.isspace()]
    return "".join(text[i] for i in where), [base + i for i in where]


def carry_gold(raw: str, gold: dict, parts: list[tuple[str, str, int]], read_text: str) -> dict:
    """The gold of ``raw`` carried over to ``read_text`` (module docstring)."""
    own = gold_positions(raw, gold)  # raw offset -> (field, index in the field's text)
    fields = list(_gold_fields(gold))
    line_of = [0] * (len(raw) + 1)
    n = 0
    for i, c in enumerate(raw):
        line_of[i] = n
        n += c == "\n"
    # each read character (in read order) -> (field, index of its printed character or None)
    got: list[list[tuple[str, int | None]]] = [[] for _ in fields]
    for printed, read, base in parts:
        p, p_at = _nonspace(printed, base)
        r, r_at = _nonspace(read)
        r_line = [read.count("\n", 0, x) for x in r_at]
        ops = difflib.SequenceMatcher(None, p, r, autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in ops:
            for t in range(j1, j2):
                if op in ("equal", "replace"):
                    i = i1 + (t - j1) * (i2 - i1) // (j2 - j1)
                    f, j = own[p_at[i]]
                    got[f].append((r[t], j if op == "equal" else None))
                elif op == "insert":
                    f = _insert_field(own, p_at, i1, line_of, r_line, j1, t)
                    got[f].append((r[t], None))
    out = json.loads(json.dumps(gold))
    texts: list[str] = []
    for f, chars in enumerate(got):
        sec, key, i = fields[f]
        old = sec[key] if i is None else sec[key][i]
        text = ""
        prev: int | None = None
        for c, j in chars:
            if prev is not None and j is not None and j > prev + 1:
                gap = "".join(x for x in old[prev + 1 : j] if x.isspace())
                text += gap
            text += c
            prev = j if j is not None else None
        texts.append(text)
    fields_out = list(_gold_fields(out))
    for (sec, key, i), text in zip(fields_out, texts):
        if i is None:
            sec[key] = text or None
        else:
            sec[key][i] = text
    for sec in out["sections"]:
        if sec.get("paragraphs"):
            sec["paragraphs"] = [p for p in sec["paragraphs"] if p.strip()]
    out["sections"] = [
        s
        for s in out["sections"]
        if s.get("paragraphs") or any(s.get(k) for k in ("kicker", "heading", "subheading", "byline"))
    ]
    out["read_by"] = "Tesseract chi_sim --psm 6 on the page rendered (tools/real_ocr.py)"
    return out


def _insert_field(
    own: dict, p_at: list[int], i1: int, line_of: list[int], r_line: list[int], j1: int, t: int
) -> int:
    """The field of a character read where nothing was printed (between printed characters
    ``i1 - 1`` and ``i1``): theirs when they share one; at a boundary between two fields, the
    earlier one when both printed characters are on one line or the read character is on the
    read line of the character read before it, else the later one."""
    before = own[p_at[i1 - 1]][0] if i1 > 0 else None
    after = own[p_at[i1]][0] if i1 < len(p_at) else None
    if before is None or after is None or before == after:
        return before if before is not None else after
    if line_of[p_at[i1 - 1]] == line_of[p_at[i1]]:
        return before
    return before if j1 > 0 and r_line[t] == r_line[j1 - 1] else after


def page_names(d: Path, first: int) -> list[Path]:
    return sorted(d.glob("*.gold.json"))[:first]


def check(out: Path) -> str:
    """Score a "parser" that prints each page's carried gold: the scorer's last line."""
    printer = "import pathlib,sys; print(pathlib.Path(sys.argv[1][:-4] + '.gold.json').read_text())"
    done = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "structure_eval.py"), str(out), sys.executable, "-c", printer],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def build(
    src: Path,
    out: Path,
    reader: Reader,
    first: int,
    jobs: int,
    per: int = LINES,
    printed: Path | None = None,
    noblank: bool = False,
) -> None:
    """Read the first ``first`` pages of ``src`` into ``out``; ``printed``: a folder that gets
    links to the same pages as printed (to score the parser on them clean); ``noblank``: every
    page, read and printed, written with its blank lines taken out (the gold as carried)."""
    out.mkdir(parents=True, exist_ok=True)
    if printed is not None:
        printed.mkdir(parents=True, exist_ok=True)
        for gp in page_names(src, first):
            for f in (gp, gp.with_name(gp.name.replace(".gold.json", ".txt"))):
                link = printed / f.name
                if noblank and f.suffix == ".txt":
                    link.unlink(missing_ok=True)
                    link.write_text(without_blanks(f.read_text(encoding="utf-8")), encoding="utf-8")
                elif not link.exists():
                    link.symlink_to(f.resolve())
    with ThreadPoolExecutor(jobs) as pool:
        for gp in page_names(src, first):
            name = gp.name.replace(".gold.json", "")
            raw = (src / f"{name}.txt").read_text(encoding="utf-8")
            gold = json.loads(gp.read_text(encoding="utf-8"))
            start = time.time()
            parts, text = read_page(raw, reader, pool, f"{src.name}/{name}", per, gold)
            carried = carry_gold(raw, gold, parts, text)
            if noblank:
                text = without_blanks(text)
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
            (out / f"{name}.gold.json").write_text(
                json.dumps(carried, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            print(
                f"{src.name}/{name}: {len(raw)} -> {len(text)} characters, "
                f"{len(parts)} images, {time.time() - start:.0f} s",
                flush=True,
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument(
        "--out",
        type=Path,
        help=f"the sets are written to OUT/SET/ (default {OUT}, {OUT_NOBLANK} with --noblank)",
    )
    ap.add_argument("--first", type=int, default=20, help="pages of each set (in name order)")
    ap.add_argument("--size", type=int, default=SIZE, help="character size in pixels")
    ap.add_argument("--degrade", choices=("none", "mild"), default="mild")
    ap.add_argument("--lines", type=int, default=LINES, help="printed lines an image")
    ap.add_argument("--jobs", type=int, default=1, help="Tesseract processes at a time")
    ap.add_argument("--indent", action="store_true", help="draw each paragraph's first line indented")
    ap.add_argument("--check", action="store_true", help="score the carried gold on each set written")
    ap.add_argument(
        "--cache", type=Path, help=f"the engine's reads (default OUT/.cache; {OUT}/.cache with --noblank)"
    )
    ap.add_argument(
        "--noblank",
        action="store_true",
        help="write the pages (read and printed) with every blank line taken out",
    )
    args = ap.parse_args()
    if args.out is None:
        args.out = OUT_NOBLANK if args.noblank else OUT
    if shutil.which("tesseract") is None:
        raise SystemExit("tesseract not found: apt-get install tesseract-ocr tesseract-ocr-chi-sim")
    if not Path(FONT[0]).exists():
        raise SystemExit(f"{FONT[0]} not found: apt-get install fonts-noto-cjk")
    if args.cache is None:  # --noblank reads the same images as the set with blank lines
        args.cache = (OUT if args.noblank and args.out == OUT_NOBLANK else args.out) / ".cache"
    reader = Reader(args.cache, args.size, args.degrade, args.indent)
    for name in args.sets:
        src = Path(name) if "/" in name else SHARED / "data" / name
        dest = args.out / src.name
        build(
            src,
            dest,
            reader,
            args.first,
            args.jobs,
            args.lines,
            args.out / "printed" / src.name,
            args.noblank,
        )
        if args.check:
            print(f"{src.name} carried gold: {check(dest)}", flush=True)
    print(f"Tesseract read {reader.read_now} printed characters in this run (the rest from the cache)")


if __name__ == "__main__":
    main()
