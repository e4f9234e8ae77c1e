"""Score the parser on gold pages read again with OCR's own noise (issue 9: real OCR'd pages).

Run: .venv/bin/python tools/ocr_noise.py [--kind K ...] [--seed S] [--write DIR] [--model M.json ...] [SET ...]
(default: every kind, then all together, on pages-dev, pages-dev-column and pages-dev-engine)

Each gold page's text is read again as an OCR engine might have read it (``KINDS``):

- ``halfwidth``: full-width punctuation read as half-width (，→ ,  。→ . or o  ：→ :  “ ” → "
  （）→ ()  ；→ ;  ！→ !  ？→ ?), each mark with the page's own rate (30–100%);
- ``spaces``: stray spaces inside lines (a third of the lines get one or two);
- ``lookalikes``: 1–3% of the Han characters read as a look-alike (one of the five most
  similar glyphs of resources/proofreading/lookalikes.tsv);
- ``dropped``: a line's last punctuation mark lost (a fifth of the lines that end in a small
  mark: ，。、；：！？ or their half-width forms);
- ``furniture``: a running header line above the page (paper, date, page number, section)
  and the page number below it (after a blank line where the page has blank lines);
- ``blanks``: blank lines where Tesseract (chi_sim, ``--psm 6``) printed them on dev pages
  rendered as images (docs/parser.md): after most paragraphs' last line (70%) and after some
  paragraphs' first line (25%), the page's own blank lines kept;
- ``furniture2``: the held-out furniture: header and footer shapes written apart from
  ``furniture``'s (which ``titles.is_folio`` was first written beside) — dates with dots,
  slashes or dashes or in Chinese numerals, edition codes (A3, B02), the section before or after,
  page X of Y, the paper's name with 第N版, a 本版责编 / 责任编辑 / 版式设计 credit line — other papers'
  names and section names than ``furniture``'s; scored apart from it, never part of ``all``;
- ``blanks2``: held-out blank lines, a pattern the parser's training pages (tools/relayout.py's
  ``ocr_blanks``) never show, written before the fit: a blank line after every second
  paragraph's last line, after a headline's line half the time, after a line inside a
  paragraph that ends a sentence (30%), after a paragraph's first line seldom (10%); scored
  apart, never part of ``all+blanks``;
- ``all``: the first five at once (the text's noise); ``all+blanks``: those and ``blanks``;
- ``tesseract``: the text's noise as Tesseract (chi_sim, ``--psm 6``) printed it on the 20
  pages-dev pages tools/real_ocr.py had it read (``tools/real_ocr_noise.py pages-dev``; never part
  of ``all``), one printed line a read line: ：；！ and ） half-width (98%), ？ half-width (84%) or
  as ” (10%), （ as 〈 (75%) or half-width (24%), ‘ ’ as “ ” (half of them), · as ' . or : (half),
  —— as 一一, 一-, -一 or one 一 (35%); every space of a letter-spaced line lost, a tenth of the
  spaces beside a digit or Latin letter lost; a Han character (和 了 上 人) added after 0.08% of
  the Han characters; a line's last small mark lost on 9% of the lines; 0.7% of the Han
  characters read as a look-alike. Its ，。、“” are read as printed, as Tesseract read them.

The gold follows the text: a character substituted or dropped in the text is substituted or
dropped in the gold field that holds it (each gold field is found in the page's non-space
characters, as the scorer reads them, and only characters inside a found field are changed);
spaces and furniture lines change no gold field (the scorer ignores white space; furniture
belongs to no article and must only be kept). Seeded per page, so a run is reproducible.
Counts as ../shared/eval/structure_eval.py does (``--write DIR`` keeps the pages, one folder
per set and kind, for that scorer). ``--model``: line models to score with, as
tools/noblank_score.py takes them (e.g. tools/kfold_parser.py --save's fold models).
Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import collections
import json
import random
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from gold_lines import label_lines  # noqa: E402
from noblank_score import use_model  # noqa: E402
from structure_score import figures, page_set, score_pages  # noqa: E402

from models.parser.lines import is_han  # noqa: E402

KINDS = (
    "halfwidth",
    "spaces",
    "lookalikes",
    "dropped",
    "furniture",
    "blanks",
    "furniture2",
    "blanks2",
    "tesseract",
)
#: ``all``: the noise in a line's text and the page's margins (the first five kinds);
#: ``all+blanks``: those and ``blanks`` (``furniture2``, the held-out furniture, is scored alone).
ALL = KINDS[:5]
ALL_BLANKS = KINDS[:6]
SETS = ("pages-dev", "pages-dev-column", "pages-dev-engine")
SEED = 12
FIELDS = ("kicker", "heading", "subheading", "byline")
#: How OCR reads full-width punctuation as half-width: each mark's readings, the commonest first.
HALF = {
    "，": ",",
    "。": ".....o",  # a full stop mostly as a dot, sometimes as a small o
    "：": ":",
    "；": ";",
    "！": "!",
    "？": "?",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "（": "(",
    "）": ")",
}
#: The small marks OCR loses at a line's end (a bracket or quotation mark is seldom lost).
SMALL_MARKS = set("，。、；：！？,.;:!?")
LOOKALIKES = ROOT / "resources" / "proofreading" / "lookalikes.tsv"
WEEKDAYS = "一二三四五六日"
SECTIONS = ("要闻", "综合", "经济", "社会", "国际", "评论", "文化", "体育", "地方")
PAPERS = ("人民日报", "经济日报", "光明日报", "焦作日报", "新华每日电讯")


def lookalikes(top: int = 5) -> dict[str, list[str]]:
    """Each Han character's ``top`` most similar glyphs (the table the checker ships)."""
    out: dict[str, list[str]] = {}
    for row in LOOKALIKES.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or "\t" not in row:
            continue
        ch, rest = row.split("\t", 1)
        alts = [a.split(":")[0] for a in rest.split()[:top]]
        alts = [a for a in alts if len(a) == 1 and is_han(a)]
        if alts:
            out[ch] = alts
    return out


def _gold_fields(gold: dict) -> Iterator[tuple[dict, str, int | None]]:
    """Every text field of the gold: (section, key, paragraph index or None)."""
    for sec in gold["sections"]:
        for k in FIELDS:
            if sec.get(k):
                yield sec, k, None
        for i in range(len(sec.get("paragraphs") or [])):
            yield sec, "paragraphs", i


def _get(sec: dict, key: str, i: int | None) -> str:
    return sec[key] if i is None else sec[key][i]


def gold_positions(raw: str, gold: dict) -> dict[int, tuple[int, int]]:
    """Raw offset of each non-space character that a gold field holds → (field number, index of
    the character in that field's text). A field is looked for in the page's non-space
    characters (the longest fields first, each where no field was found before it)."""
    where = [i for i, c in enumerate(raw) if not c.isspace()]
    stream = "".join(raw[i] for i in where)
    fields = list(_gold_fields(gold))
    taken = [False] * len(stream)
    out: dict[int, tuple[int, int]] = {}
    order = sorted(range(len(fields)), key=lambda f: -len("".join(_get(*fields[f]).split())))
    for f in order:
        text = _get(*fields[f])
        chars = [(j, c) for j, c in enumerate(text) if not c.isspace()]
        needle = "".join(c for _, c in chars)
        if not needle:
            continue
        at = stream.find(needle)
        while at >= 0 and any(taken[at : at + len(needle)]):
            at = stream.find(needle, at + 1)
        if at < 0:
            continue  # not found as one run: its characters are left as they are
        for k, (j, _) in enumerate(chars):
            taken[at + k] = True
            out[where[at + k]] = (f, j)
    return out


def _line_spans(raw: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for text in raw.split("\n"):
        yield pos, pos + len(text)
        pos += len(text) + 1


def _furniture(rng: random.Random) -> tuple[str, str]:
    """A running header and a page-number line, as a page's margins print them."""
    page = rng.randint(1, 24)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    year = rng.choice((2016, 2019, 2020, 2021))
    date = f"{year}年{month}月{day}日"
    week = f"星期{rng.choice(WEEKDAYS)}"
    paper, section = rng.choice(PAPERS), rng.choice(SECTIONS)
    header = rng.choice(
        (
            f"{paper} {date} {week} 第{page}版",
            f"{date}  {week}  {section}  {page}",
            f"{page} {section}",
            f"第{page}版：{section}  {paper}",
            f"{paper}  {date}",
        )
    )
    footer = rng.choice((f"— {page} —", f"{page}", f"-{page}-", f"第{page}版"))
    return header, footer


#: The held-out furniture's papers and sections (none of ``PAPERS``; few of ``SECTIONS``).
HELD_PAPERS = ("北京日报", "解放日报", "南方都市报", "新京报", "参考消息", "中国青年报", "河南日报")
HELD_SECTIONS = (
    "要闻",
    "综合新闻",
    "时政",
    "财经",
    "国内新闻",
    "民生",
    "观点",
    "副刊",
    "理论",
    "法治",
    "城事",
    "天下",
)
HELD_NAMES = ("张三", "李明", "王晓燕", "赵刚", "陈静")
_CN_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n] if n else "〇"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _furniture2(rng: random.Random) -> tuple[str, str]:
    """A running header and a footer of shapes ``_furniture`` does not print (held out)."""
    page = rng.randint(1, 24)
    total = rng.randint(max(page, 4), 32)
    year, month, day = rng.choice((2016, 2019, 2020, 2021)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice(
        (
            f"{year}.{month:02d}.{day:02d}",
            f"{year}/{month}/{day}",
            f"{year}-{month:02d}-{day:02d}",
            f"{year}年{month:02d}月{day:02d}日",
            "".join(_CN_DIGITS[int(c)] for c in str(year)) + f"年{_cn_number(month)}月{_cn_number(day)}日",
        )
    )
    edition = f"{rng.choice('ABCD')}{rng.choice((str(page), f'{page:02d}'))}"
    paper, section, name = rng.choice(HELD_PAPERS), rng.choice(HELD_SECTIONS), rng.choice(HELD_NAMES)
    header = rng.choice(
        (
            f"{date} {section} {page:02d}",
            f"{page:02d} {section} {date}",
            f"{edition} {section}",
            f"{page}/{section}",
            f"{section} {date}",
            f"{paper}第{page}版",
            f"{edition}  {paper}  {date}",
            f"本版责编：{name}  {date}",
            f"{section}｜{paper}",
        )
    )
    footer = rng.choice(
        (
            f"第{page}页 共{total}页",
            f"{page}/{total}",
            f"{edition}",
            f"责任编辑：{name}",
            f"版式设计：{name}",
            f"第{page}页",
            f"{paper} {edition}",
        )
    )
    return header, footer


def noisy_page(
    raw: str, gold: dict, kinds: tuple[str, ...], seed: int, table: dict[str, list[str]] | None = None
) -> tuple[str, dict]:
    """The page's text read with ``kinds`` of OCR noise, and its gold changed the same way."""
    rng = random.Random(seed)
    gold = json.loads(json.dumps(gold))
    held = gold_positions(raw, gold)
    edit: dict[int, str] = {}  # raw offset → what is read there ("" dropped)
    before: dict[int, str] = {}  # raw offset → spaces read before it
    blank_after: set[int] = set()  # line breaks a blank line is read after
    lost: set[int] = set()  # raw offsets of spaces not read
    spans = list(_line_spans(raw))
    if "lookalikes" in kinds:
        table = lookalikes() if table is None else table
        rate = rng.uniform(0.01, 0.03)
        for i, c in enumerate(raw):
            if i in held and c in table and rng.random() < rate:
                edit[i] = rng.choice(table[c])
    if "halfwidth" in kinds:
        rate = rng.uniform(0.3, 1.0)
        for i, c in enumerate(raw):
            if i in held and c in HALF and rng.random() < rate:
                edit[i] = rng.choice(HALF[c])
    if "dropped" in kinds:
        for a, b in spans:
            last = raw[a:b].rstrip()
            if last and last[-1] in SMALL_MARKS and rng.random() < 0.2:
                i = a + len(last) - 1
                if i in held:
                    edit[i] = ""
    if "spaces" in kinds:
        for a, b in spans:
            inner = [i for i in range(a + 1, b) if not raw[i].isspace() and not raw[i - 1].isspace()]
            if inner and rng.random() < 1 / 3:
                for i in rng.sample(inner, min(len(inner), rng.choice((1, 1, 2)))):
                    before[i] = " " * rng.choice((1, 1, 2))
    if "blanks" in kinds:
        labels = label_lines(raw, gold)
        ends = {
            k
            for k, (a, b) in enumerate(zip(labels, labels[1:] + [None]))
            if a and (b is None or b[0] in "PT")
        }
        firsts = {
            k
            for k, (a, b) in enumerate(zip(labels, labels[1:] + [None]))
            if a and a[0] == "P" and b and b[0] == "C"
        }
        for k, (_a, b) in enumerate(spans[:-1]):
            if raw[spans[k + 1][0] : spans[k + 1][1]].strip():  # no blank line follows yet
                p = 0.7 if k in ends else 0.25 if k in firsts else 0.0
                if p and rng.random() < p:
                    blank_after.add(b)  # the line break at the line's end
    if "blanks2" in kinds:
        labels = label_lines(raw, gold)
        turn = rng.random() < 0.5
        for k, (_a, b) in enumerate(spans[:-1]):
            here, nxt = labels[k] if k < len(labels) else None, labels[k + 1] if k + 1 < len(labels) else None
            if not here or not nxt or not raw[spans[k + 1][0] : spans[k + 1][1]].strip():
                continue
            if here[0] == "T":
                p = 0.5
            elif nxt[0] in "PT":
                turn = not turn  # every second paragraph's end
                p = 1.0 if turn else 0.0
            elif here[0] == "P":
                p = 0.1
            else:
                p = 0.3 if raw[_a:b].rstrip()[-1:] in "。！？" else 0.0
            if p and rng.random() < p:
                blank_after.add(b)
    if "tesseract" in kinds:
        table = lookalikes() if table is None else table
        _tesseract(raw, held, spans, rng, table, edit, lost)
    out = "".join(
        before.get(i, "") + ("" if i in lost else edit.get(i, c)) + ("\n" if i in blank_after else "")
        for i, c in enumerate(raw)
    )
    if "furniture" in kinds or "furniture2" in kinds:
        header, footer = _furniture(rng) if "furniture" in kinds else _furniture2(rng)
        gap = "\n" if "\n\n" in raw else ""
        out = header + "\n" + gap + out.rstrip("\n") + "\n" + gap + footer + "\n"
    # The gold follows: every changed character changed in the field that holds it.
    fields = list(_gold_fields(gold))
    changes: dict[int, dict[int, str]] = collections.defaultdict(dict)
    for i, new in edit.items():
        f, j = held[i]
        changes[f][j] = new
    for f, ch in changes.items():
        sec, key, k = fields[f]
        text = _get(sec, key, k)
        new = "".join(ch.get(j, c) for j, c in enumerate(text))
        if k is None:
            sec[key] = new
        else:
            sec[key][k] = new
    return out, gold


#: How Tesseract read each mark on the dev pages (tools/real_ocr_noise.py pages-dev): (reading, share).
TESSERACT_MARKS = {
    "：": ((":", 0.98),),
    "；": ((";", 0.97),),
    "！": (("!", 0.98),),
    "？": (("?", 0.84), ("”", 0.10)),
    "）": ((")", 0.99),),
    "（": (("〈", 0.75), ("(", 0.24)),
    "‘": (("“", 0.5),),
    "’": (("”", 0.5),),
    "·": (("'", 0.2), (".", 0.2), (":", 0.1)),
}
#: How it read a dash —— (35% misread), and the Han characters it added (0.08% of them).
TESSERACT_DASHES = (("一一", 0.1), ("一-", 0.1), ("-一", 0.05), ("一", 0.1))
TESSERACT_ADDED = "和了上人"
TESSERACT_ADD_RATE = 0.0008
TESSERACT_DROP_RATE = 0.09
TESSERACT_LOOKALIKE_RATE = 0.007
TESSERACT_DIGIT_SPACE_LOST = 0.1


def _draw(rng: random.Random, readings: tuple[tuple[str, float], ...]) -> str | None:
    x = rng.random()
    for reading, share in readings:
        if x < share:
            return reading
        x -= share
    return None


def _tesseract(
    raw: str,
    held: dict[int, tuple[int, int]],
    spans: list[tuple[int, int]],
    rng: random.Random,
    table: dict[str, list[str]],
    edit: dict[int, str],
    lost: set[int],
) -> None:
    """``tesseract``'s readings of the page (module docstring) into ``edit`` (characters a gold
    field holds: what is read for each) and ``lost`` (spaces not read). No line is added,
    joined or lost."""
    from models.parser.lines import is_letter_spaced

    for a, b in spans:
        line = raw[a:b]
        spaced = is_letter_spaced(line)
        k = a
        while k < b:
            c = raw[k]
            if c.isspace():
                near = raw[k - 1 : k] + raw[k + 1 : k + 2]
                if spaced or (
                    any(x.isascii() and x.isalnum() for x in near)
                    and rng.random() < TESSERACT_DIGIT_SPACE_LOST
                ):
                    lost.add(k)
                k += 1
                continue
            if k not in held:
                k += 1
                continue
            if c == "—" and raw[k + 1 : k + 2] == "—" and k + 1 in held:
                dash = _draw(rng, TESSERACT_DASHES)
                if dash is not None:
                    edit[k], edit[k + 1] = dash[0], dash[1:]
                k += 2
                continue
            new = _draw(rng, TESSERACT_MARKS[c]) if c in TESSERACT_MARKS else None
            if new is None and is_han(c):
                if c in table and rng.random() < TESSERACT_LOOKALIKE_RATE:
                    new = rng.choice(table[c])
                if rng.random() < TESSERACT_ADD_RATE:
                    new = (new or c) + rng.choice(TESSERACT_ADDED)
            if new is not None:
                edit[k] = new
            k += 1
        last = line.rstrip()
        if len(last.strip()) > 1 and last[-1] in SMALL_MARKS and rng.random() < TESSERACT_DROP_RATE:
            i = a + len(last) - 1
            if i in held:
                edit[i] = ""


def page_seed(set_name: str, name: str, seed: int = SEED) -> int:
    """A page's own seed: the same page reads the same noise in every tool that asks."""
    return seed * 1_000_003 + zlib.crc32(f"{set_name}/{name}".encode())


def kinds_of(spec: str) -> tuple[str, ...]:
    """``all`` or kinds apart by commas (OCR_NOISE of the k-fold tools) as a tuple of kinds."""
    if spec.strip() == "all":
        return ALL
    if spec.strip() == "all+blanks":
        return ALL_BLANKS
    kinds = tuple(k.strip() for k in spec.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise SystemExit(f"unknown noise kinds {unknown}: {KINDS} or all")
    return kinds


#: The seed of the noisy copies that training reads (another than the scored pages').
TRAIN_SEED = 13


def training_gaps(set_name: str, name: str, raw: str, gold: dict, kinds: tuple[str, ...]) -> list:
    """The gaps between the page's body lines (tools/train_paragraphs.py's examples), the page
    read with ``kinds`` of noise under ``TRAIN_SEED``: training data for the paragraph-break model."""
    from gold_lines import label_lines
    from train_paragraphs import gap_examples

    raw, gold = noisy_page(raw, gold, kinds, page_seed(set_name, name, TRAIN_SEED))
    return [ex for ex, _, _ in gap_examples(raw, label_lines(raw, gold))]


def write_set(d: Path, out: Path, kinds: tuple[str, ...], seed: int = SEED) -> list[Path]:
    """The set's pages read with ``kinds`` of noise, written to ``out`` with their gold."""
    out.mkdir(parents=True, exist_ok=True)
    table = lookalikes() if "lookalikes" in kinds else None
    golds = []
    for gp in sorted(d.glob("*.gold.json")):
        raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text, g = noisy_page(raw, gold, kinds, page_seed(d.name, gp.name, seed), table)
        (out / gp.name.replace(".gold.json", ".txt")).write_text(text, encoding="utf-8")
        target = out / gp.name
        target.write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding="utf-8")
        golds.append(target)
    return golds


def score_set(
    d: Path, kinds: tuple[str, ...], seed: int = SEED, keep: Path | None = None
) -> collections.Counter:
    if keep is not None:
        return score_pages(write_set(d, keep, kinds, seed))
    with tempfile.TemporaryDirectory() as tmp:
        return score_pages(write_set(d, Path(tmp), kinds, seed))


def main() -> None:
    argv = sys.argv[1:]
    kinds: list[str] = []
    models: list[Path | None] = []
    names: list[str] = []
    seed, keep = SEED, None
    it = iter(argv)
    for a in it:
        if a == "--kind":
            kinds.append(next(it))
        elif a == "--seed":
            seed = int(next(it))
        elif a == "--write":
            keep = Path(next(it))
        elif a == "--model":
            models.append(Path(next(it)))
        else:
            names.append(a)
    variants = [kinds_of(k) for k in kinds] if kinds else [()] + [(k,) for k in KINDS] + [ALL, ALL_BLANKS]
    for m in models or [None]:
        if m is not None:
            use_model(m)
            print(m.name)
        for name in names or SETS:
            d = page_set(name, __doc__)
            for v in variants:
                label = "clean" if not v else {ALL: "all", ALL_BLANKS: "all+blanks"}.get(v, "+".join(v))
                folder = None if keep is None else keep / f"{d.name}-{label}"
                if folder is not None and folder.exists():
                    shutil.rmtree(folder)
                tot = score_set(d, v, seed, folder)
                print(f"{d.name + ' ' + label:30s} {figures(tot)}", flush=True)


if __name__ == "__main__":
    main()
