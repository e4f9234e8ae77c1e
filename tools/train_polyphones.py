"""Train the polyphone classifier shipped as ``resources/language/polyphones.tsv``, and compare it with g2pM.

    .venv/bin/python tools/train_polyphones.py [--folds K] [--no-g2p] [--no-write] [--check] [--overrides FILE]

One multinomial logistic regression per polyphonic character (``models.language.polyphone_classifier``;
features: ``models.language.polyphone_features`` and what g2pM picked there, unless ``--no-g2p``),
trained with AdaGrad on the labelled contexts that can be had offline:

- ``cpp``: the CPP polyphone benchmark's dev split (Park & Lee 2020, Apache-2.0; sentences from
  Chinese Wikipedia, CC BY-SA), one labelled polyphone per sentence;
- ``auto``: in those sentences and in 1,500 People's Daily paragraphs (../shared's
  ocr-errors/news-dev.jsonl, its corrected ``gold`` side; paragraphs holding a sentence of the news
  dev set are left out), every other polyphone inside a word of the bundled word table whose
  reading of it is certain (pypinyin's phrases, MIT; CC-CEDICT, CC BY-SA 4.0): a word's known
  reading labels its polyphone in a real context;
- ``word``: the table's words on their own where jieba cuts a polyphone off alone (还书 huán);
- ``name``: jieba's person names (MIT) that the segmenter takes for names, their surname read as
  ``resources/language/surnames.tsv`` reads it, and names found in the CPP sentences with their
  surname swapped for a polyphonic one (王玮告诉记者 -> 单玮告诉记者 shàn);
- ``override``: an editor's reading overrides (Words ▸ Export Reading Overrides…), ``--overrides``.

Contexts that look like the ones the engine asks about (the character alone in jieba's cut, or in
a word the table lacks) carry a second, marked copy of some features (``AUGMENT``, feature
augmentation), and a character with fewer than ``MIN_ASKED`` such contexts from real sentences is
left to g2pM; see docs/pinyin.md for what each measured.

``--folds K`` compares, by K-fold cross-validation on CPP (each fold's sentences read by a model
trained without them, not even their other polyphones), the engine with g2pM alone deciding where
no word or rule did, and with the classifier; the news dev set is read by the model trained on
everything else (no model trains on it). Only weights learnt here ship, nothing of ../shared.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import readings as engine  # noqa: E402
from models.language import segmenter  # noqa: E402
from models.language.phrase_table import MAX_WORD, WORDS_FILE, char_readings, word_table  # noqa: E402
from models.language.polyphone_classifier import OFF, WEIGHTS_FILE, Classifier, g2p_features, use  # noqa: E402
from models.language.polyphone_features import ClauseView  # noqa: E402
from models.language.polyphone_model import model as g2pm  # noqa: E402
from models.language.syllables import numbered  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"

#: Characters whose reading is fixed in citation form (一 yī, 不 bù): nothing to learn.
_FIXED = set("一不")

#: Weights smaller than this (after centring each feature's weights on zero) are not shipped.
MIN_WEIGHT = 0.05

#: Sources' weights in training. Where jieba cut the character off alone ("-lone"), the context
#: is like the ones the classifier is asked about at run time.
WEIGHTS = {
    "cpp": 2.0,
    "auto": 0.1,
    "auto-lone": 0.5,
    "word-lone": 0.1,
    "name": 1.0,
    "override": 2.0,
}


#: ``--asked-only``: train only on contexts like those the engine asks the classifier about (a polyphone
#: whose jieba word the table knows, 土地 or 着急, is read by the table, never by the classifier).
#: Measured (tools/sweep_switch.py --asked-only): worse on CPP 5-fold (0.9719 against 0.9728 at 0.7) and
#: on news (192 against 194 of 202): the characters around a polyphone inside words still teach.
ASKED_ONLY = False


def _in_table_word(feats: list[str]) -> bool:
    word = next(f[2:] for f in feats if f.startswith("w:"))
    return len(word) > 1 and word in word_table()


#: Feature augmentation (Daumé 2007, "frustratingly easy domain adaptation"). The classifier is
#: asked only about characters no table word holds (alone in jieba's cut, or inside a word the table
#: lacks), but most of what it learns from are polyphones inside table words (地 dì in 土地). A
#: training context that looks like an asked one (``_asked_like``) gets each of its features twice,
#: as itself and marked ``~``; every other context only as itself. The unmarked weights are learnt
#: from all the contexts, the marked ones only from the asked-like ones, where they differ from the
#: rest (a lone 地 after an adverb is de). At run time every context is asked-like, so the two are
#: added into one weight before they are written: the shipped file, its size and the run time's
#: features are as before.
AUGMENT = True

#: The features copied (by their prefix, ``polyphone_features``): the bias, the character's place in
#: its word, the neighbours' tags, how far the next verb is, and g2pM's answer (how far to trust g2pM
#: on a lone character). The words and characters around are not copied: too few asked-like contexts
#: hold any one of them.
AUGMENTED = {"b", "p", "pt", "nt", "nv", "g", "gq"}

#: The marker of a feature's asked-like copy.
_ASKED = "~"

#: A character is written (and so overrules g2pM) only if at least this many asked-like contexts from
#: real sentences (CPP's, People's Daily's; not the table's words on their own, nor another fold's)
#: teach it. With fewer, its weights for a lone character come from a handful of contexts (垛, 莘,
#: 劲 in CPP's Wikipedia sentences) and g2pM, trained on far more such text, decides alone.
MIN_ASKED = 5


def _asked_like(feats: list[str]) -> bool:
    """Whether a context looks like one the engine asks the classifier about: the character
    alone in jieba's cut, inside a word the table lacks, or a name's surname."""
    return "p:S" in feats or "nm:head" in feats or not _in_table_word(feats)


def _real(ch: str) -> set[str]:
    """A character's readings, numbered; its neutral-tone forms too (了 le5)."""
    out = set()
    for r in char_readings(ch):
        n = numbered(r)
        out.add(n)
        out.add(n[:-1] + "5")
    return out


class Examples:
    """Training examples grouped by character: feature ids, reading, source, group (CPP sentence or -1)."""

    def __init__(self) -> None:
        self.feature_ids: dict[str, int] = {}
        self.names: list[str] = []
        self.by_char: dict[str, list[tuple[array, str, str, int]]] = defaultdict(list)
        self.pending: list[tuple[str, int, list[str], str, str, int]] = []  # before g2pM has run
        #: Per character, the group of each asked-like context from a real sentence (``MIN_ASKED``).
        self.asked: dict[str, list[int]] = defaultdict(list)

    def add(self, text: str, pos: int, feats: list[str], label: str, source: str, group: int) -> None:
        if label not in _real(text[pos]):
            return
        if ASKED_ONLY and source in ("auto", "cpp") and _in_table_word(feats):
            return  # the engine never asks the classifier inside a word the table knows
        if source == "auto" and "p:S" in feats:
            source = "auto-lone"
        self.pending.append((text, pos, feats, label, source, group))

    def finish(self, with_g2p: bool) -> None:
        """Add g2pM's answer at every example (one batched run), then index the features."""
        if with_g2p:
            by_text: dict[str, list[int]] = defaultdict(list)
            for text, pos, *_ in self.pending:
                by_text[text].append(pos)
            texts = list(by_text)
            positions = [sorted(set(by_text[t])) for t in texts]
            sure: list[dict[int, float]] = []
            picks = g2pm().choose(texts, positions, None, None, sure)
            said = {
                (t, p): (numbered(r) if r else None, sure[k].get(p))
                for k, t in enumerate(texts)
                for p, r in zip(positions[k], picks[k])
            }
        for text, pos, feats, label, source, group in self.pending:
            if with_g2p:
                feats = feats + g2p_features(*said[(text, pos)])
            ids = array("i")
            if _asked_like(feats):
                if source != "word-lone":
                    self.asked[text[pos]].append(group)
                if AUGMENT:
                    feats = feats + [_ASKED + f for f in feats if f.split(":", 1)[0] in AUGMENTED]
            for f in feats:
                fid = self.feature_ids.get(f)
                if fid is None:
                    fid = self.feature_ids[f] = len(self.names)
                    self.names.append(f)
                ids.append(fid)
            self.by_char[text[pos]].append((ids, label, source, group))
        self.pending = []


def cpp_items(path: Path) -> list[tuple[str, int, str]]:
    sents = Path(f"{path}.sent").read_text(encoding="utf-8").splitlines()
    labels = Path(f"{path}.lb").read_text(encoding="utf-8").splitlines()
    return [(s.replace("\u2581", ""), s.index("\u2581"), numbered(lb)) for s, lb in zip(sents, labels)]


def news_items() -> list[tuple[str, int, str]]:
    out = []
    for line in (SHARED / "polyphones-news-dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append((d["sentence"], d["index"], numbered(d["pinyin"])))
    return out


def news_paragraphs(exclude: Iterable[str]) -> list[str]:
    """People's Daily paragraphs (ocr-errors/news-dev.jsonl, gold side), none holding an excluded sentence."""
    excluded = [s for s in exclude if len(s) >= 8]
    path = SHARED / "ocr-errors" / "news-dev.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["gold"]
            if not any(s[:20] in text for s in excluded):
                out.append(text)
    return out


def _clauses(sentence: str) -> Iterable[tuple[int, str]]:
    offset = 0
    for part in engine._clauses(sentence):
        yield offset, part
        offset += len(part)


def _table_labels(clause: engine._Clause) -> dict[int, str]:
    """Polyphones the word table reads with certainty inside a word of two or more characters."""
    labels: dict[int, str] = {}
    pos = 0
    undecided = set(clause.open) | set(clause.options) | set(clause.names)
    for piece in clause.pieces:
        if len(piece) > 1:
            for j, ch in enumerate(piece):
                p = pos + j
                if ch in _FIXED or p in undecided or len(char_readings(ch)) < 2:
                    continue
                reading = clause.readings[p]
                if reading:
                    labels[p] = numbered(reading)
        pos += len(piece)
    return labels


def _add_sentence(ex: Examples, sentence: str, group: int, index: int = -1, label: str = "") -> None:
    for offset, text in _clauses(sentence):
        clause = engine._read_words(text)
        view = ClauseView(text, clause.words)
        if offset <= index < offset + len(text):
            ex.add(text, index - offset, view.features(index - offset), label, "cpp", group)
        for p, reading in _table_labels(clause).items():
            if offset + p != index:
                ex.add(text, p, view.features(p), reading, "auto", group)


def _polyphonic_surnames() -> list[tuple[str, str]]:
    surnames, _ = segmenter.name_lists()
    out = []
    for ch, reading in sorted(surnames.items()):
        readings = char_readings(ch)
        if len(readings) > 1 and reading in readings and reading != readings[0]:
            out.append((ch, numbered(reading)))
    return out


def _names(ex: Examples, sentences: list[str]) -> None:
    """jieba's person names alone, and names in CPP sentences with a polyphonic surname swapped in."""
    surnames, _ = segmenter.name_lists()
    for name in sorted(segmenter._load_person_names()):
        reading = surnames.get(name[0])
        if reading is None or len(char_readings(name[0])) < 2 or name in word_table():
            continue
        if (0, len(name)) in segmenter.names(name):
            ex.add(
                name,
                0,
                ClauseView(name, segmenter.dictionary_cut(name)).features(0),
                numbered(reading),
                "name",
                -1,
            )
    swaps = _polyphonic_surnames()
    turn = 0
    for group, sentence in enumerate(sentences):
        for _offset, text in _clauses(sentence):
            for start, _end in segmenter.names(text):
                if len(char_readings(text[start])) != 1 or text[start] not in surnames:
                    continue
                ch, reading = swaps[turn % len(swaps)]
                turn += 1
                swapped = text[:start] + ch + text[start + 1 :]
                if any(s == start for s, _ in segmenter.names(swapped)):
                    view = ClauseView(swapped, segmenter.dictionary_cut(swapped))
                    ex.add(swapped, start, view.features(start), reading, "name", group)


def _file_order(table: dict[str, str]) -> list[str]:
    """The word table's words in the order ``words.tsv`` lists them (each once)."""
    with WORDS_FILE.open(encoding="utf-8") as f:
        listed = (line.partition("\t")[0] for line in f if not line.startswith("#"))
        return list(dict.fromkeys(word for word in listed if word in table))


def _lone_words(ex: Examples) -> None:
    """The table's words on their own, where jieba cuts a polyphone off alone (还书 -> 还 / 书).

    The words are taken in ``words.tsv``'s order, not the loaded table's: the table is keyed in
    jieba's dictionary's order since the language tables are kept (36f1721), and the examples'
    order is the order AdaGrad steps through them (``train_char`` shuffles the rows by a seed),
    so any other order trains other weights (news dev 193 instead of the shipped 194)."""
    table = word_table()
    for word in _file_order(table):
        syllables = table[word]
        if not 2 <= len(word) <= MAX_WORD:
            continue
        cut = None
        for p, (ch, syllable) in enumerate(zip(word, syllables.split(" "))):
            if ch in _FIXED or "|" in syllable or len(char_readings(ch)) < 2:
                continue
            if cut is None:
                cut = segmenter.dictionary_cut(word)
                view = ClauseView(word, cut)
            if len(cut[view.word_at(p)]) == 1:
                ex.add(word, p, view.features(p), numbered(engine._citation(ch, syllable)), "word-lone", -1)


def collect(cpp: list, paragraphs: list[str], overrides: list, with_g2p: bool) -> Examples:
    ex = Examples()
    for group, (sentence, index, label) in enumerate(cpp):
        _add_sentence(ex, sentence, group, index, label)
    for text in paragraphs:
        _add_sentence(ex, text, -1)
    _names(ex, [s for s, _, _ in cpp])
    _lone_words(ex)
    for sentence, index, reading in overrides:
        for offset, text in _clauses(sentence):
            if offset <= index < offset + len(text):
                view = ClauseView(text, segmenter.dictionary_cut(text))
                ex.add(text, index - offset, view.features(index - offset), numbered(reading), "override", -1)
    ex.finish(with_g2p)
    return ex


def train_char(examples, skip: set[int], epochs: int, rate: float, seed: int, l2: float = 0.0, weights=None):
    """One character's logistic regression (AdaGrad), on examples not in ``skip``.

    ``l2`` pulls each weight a row updates towards zero (the L2 penalty's gradient, applied where
    the weight is used); ``weights`` replaces ``WEIGHTS``, the sources' weights."""
    by_source = WEIGHTS if weights is None else weights
    data = [(ids, label, by_source[src]) for ids, label, src, g in examples if g not in skip]
    counts = Counter(label for _, label, _ in data)
    classes = sorted(counts)
    if len(data) < 3 or len(classes) < 2:
        return None  # nothing to choose between: g2pM decides
    cls = {c: j for j, c in enumerate(classes)}
    seen = Counter(f for ids, _, _ in data for f in set(ids))
    k = len(classes)
    weights: dict[int, list[float]] = {}
    grads: dict[int, list[float]] = {}
    rows = []
    for ids, label, w in data:
        kept = [f for f in ids if seen[f] >= 2]
        for f in kept:
            if f not in weights:
                weights[f] = [0.0] * k
                grads[f] = [1e-6] * k
        rows.append((kept, cls[label], w))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(rows)
        for kept, y, w in rows:
            scores = [0.0] * k
            for f in kept:
                wf = weights[f]
                for j in range(k):
                    scores[j] += wf[j]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for j in range(k):
                g = (exps[j] / total - (1.0 if j == y else 0.0)) * w
                if l2:
                    for f in kept:
                        gf = g + l2 * weights[f][j]
                        grads[f][j] += gf * gf
                        weights[f][j] -= rate * gf / math.sqrt(grads[f][j])
                    continue
                if -1e-4 < g < 1e-4:
                    continue
                for f in kept:
                    grads[f][j] += g * g
                    weights[f][j] -= rate * g / math.sqrt(grads[f][j])
    return classes, weights


def train(
    ex: Examples, skip: set[int], epochs: int = 4, rate: float = 0.3, l2: float = 0.0, sources=None
) -> Classifier:
    table: dict[str, tuple[list[str], dict[str, tuple[float, ...]]]] = {}
    for n, (ch, examples) in enumerate(sorted(ex.by_char.items())):
        if MIN_ASKED and sum(g not in skip for g in ex.asked.get(ch, ())) < MIN_ASKED:
            continue  # too few contexts like the ones it would be asked about: g2pM decides
        trained = train_char(examples, skip, epochs, rate, n, l2, sources)
        if trained is None:
            continue
        classes, weights = trained
        merged: dict[str, list[float]] = {}
        for fid, w in weights.items():
            name = ex.names[fid].removeprefix(_ASKED)  # at run time every context is asked-like
            known = merged.get(name)
            merged[name] = list(w) if known is None else [a + b for a, b in zip(known, w)]
        kept: dict[str, tuple[float, ...]] = {}
        for name, w in merged.items():
            mean = sum(w) / len(w)
            centred = tuple(round(v - mean, 2) for v in w)
            if max(abs(v) for v in centred) >= MIN_WEIGHT:
                kept[name] = centred
        table[ch] = (classes, kept)
    return Classifier(table)


def write(found: Classifier, path: Path, note: str) -> None:
    lines = [
        "# Polyphone classifier: @character<TAB>readings, then feature<TAB>one weight per reading.\n",
        "# Trained by tools/train_polyphones.py on CPP dev (Apache-2.0), the word table's words in context"
        " (pypinyin MIT, CC-CEDICT CC BY-SA 4.0) in CPP's and People's Daily sentences, jieba's person"
        " names (MIT)" + note + ".\n",
    ]
    for ch, (readings, weights) in sorted(found.table.items()):
        lines.append(f"@{ch}\t{' '.join(readings)}\n")
        for f, w in sorted(weights.items()):
            lines.append(f"{f}\t{' '.join(format(v, 'g') for v in w)}\n")
    path.write_text("".join(lines), encoding="utf-8")


def score(items: list[tuple[str, int, str]]) -> tuple[int, int, Counter]:
    """Correct count over (sentence, index, numbered gold) items, read by the whole engine."""
    got = engine.readings_for_lines([s for s, _, _ in items])
    ok = 0
    missed: Counter = Counter()
    for (sentence, index, gold), readings in zip(items, got):
        reading = readings[index]
        if reading is not None and numbered(reading) == gold:
            ok += 1
        else:
            missed[sentence[index]] += 1
    return ok, len(items), missed


def wilson(ok: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = ok / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _report(name: str, ok: int, n: int) -> None:
    lo, hi = wilson(ok, n)
    print(f"  {name}: {ok / n:.4f} ({ok}/{n}), 95% [{lo:.4f}, {hi:.4f}]", flush=True)


def main() -> None:
    global ASKED_ONLY, AUGMENT, MIN_ASKED
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cpp", type=Path, default=SHARED / "cpp-dev" / "dev")
    parser.add_argument("--overrides", help="an exported reading-overrides TSV: sentence, offset, reading")
    parser.add_argument("--folds", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--no-g2p", action="store_true", help="leave g2pM's answer out of the features")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--check",
        action="store_true",
        help="retrain and compare with the shipped file byte for byte, without writing it (exit 1 if they differ)",
    )
    parser.add_argument("--asked-only", action="store_true", help="leave out polyphones inside table words")
    parser.add_argument(
        "--no-augment", action="store_true", help="no asked-like copies of features (AUGMENT)"
    )
    parser.add_argument("--min-asked", type=int, default=MIN_ASKED, help="MIN_ASKED")
    args = parser.parse_args()
    ASKED_ONLY = args.asked_only
    AUGMENT = not args.no_augment
    MIN_ASKED = args.min_asked

    start = time.perf_counter()
    cpp = cpp_items(args.cpp)
    news = news_items()
    overrides: list[tuple[str, int, str]] = []
    if args.overrides:
        for line in Path(args.overrides).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[1].isdigit():
                overrides.append((parts[0], int(parts[1]), parts[2]))
    ex = collect(cpp, news_paragraphs(s for s, _, _ in news), overrides, not args.no_g2p)
    sources = Counter(src for examples in ex.by_char.values() for _, _, src, _ in examples)
    print(
        f"examples: {sum(sources.values())} for {len(ex.by_char)} characters (by source {dict(sources)}), "
        f"{len(ex.names)} features, {time.perf_counter() - start:.0f} s",
        flush=True,
    )
    if args.folds:
        order = list(range(len(cpp)))
        random.Random(12).shuffle(order)
        totals = {"g2pM": [0, 0], "classifier": [0, 0]}
        for fold in range(args.folds):
            held = set(order[fold :: args.folds])
            items = [cpp[i] for i in sorted(held)]
            use(OFF)
            ok_g, n, _ = score(items)
            use(train(ex, held, epochs=args.epochs))
            ok_c, _, _ = score(items)
            for key, ok in (("g2pM", ok_g), ("classifier", ok_c)):
                totals[key][0] += ok
                totals[key][1] += n
            print(f"fold {fold + 1}/{args.folds}: g2pM {ok_g}/{n}, classifier {ok_c}/{n}", flush=True)
        print(f"CPP dev, {args.folds}-fold:")
        for key, (ok, n) in totals.items():
            _report(key, ok, n)
    use(OFF)
    ok_g, n, _ = score(news)
    found = train(ex, set(), epochs=args.epochs)
    use(found)
    ok_c, _, missed = score(news)
    print("news dev (no model trains on it):")
    _report("g2pM", ok_g, n)
    _report("classifier", ok_c, n)
    if args.check:
        made = WEIGHTS_FILE.with_name(WEIGHTS_FILE.name + ".check")
        write(found, made, " and reading overrides" if overrides else "")
        same = made.read_bytes() == WEIGHTS_FILE.read_bytes()
        made.unlink()
        print(f"retrained {'=' if same else '!='} {WEIGHTS_FILE} (byte for byte)")
        if not same:
            sys.exit(1)
    elif not args.no_write:
        write(found, WEIGHTS_FILE, " and reading overrides" if overrides else "")
        size = WEIGHTS_FILE.stat().st_size / 1e6
        print(f"{len(found.table)} characters -> {WEIGHTS_FILE} ({size:.1f} MB)")
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
