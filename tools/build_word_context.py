"""Build a word-context table for the checker from open-gram's word bigrams (not shipped).

Tried on branch ``checker-lm`` (commit 92b8ca1, see README "Checking for OCR errors") as
``resources/proofreading/wordpairs.tsv.gz`` and kept off main; the tool stays for the next try.

From open-gram, the SunPinyin input method's back-off word trigram model of running text
(Debian's ``sunpinyin-data``, CC BY-SA 3.0; read by ``tools/sunpinyin_lm.py``), its word
bigram level only, as the lift a word gets from the word before it:

    lift(w1, w2) = log P(w2 | w1) - log P(w2)

A listed pair has its own lift; any other pair after ``w1`` backs off to
``log bow(w1)`` (open-gram's back-off weight). The file holds ``w1<TAB>w2<TAB>lift`` for
the pairs kept and ``w1<TAB><TAB>log bow`` for every word; lifts rounded to 0.1.

Pruned to what the checker can use and what changes its answer: both words in the
checker's word list (``words.tsv.gz``), or a single character; the lift at least
``MIN_DIFFERENCE`` away from the back-off value; then the ``--keep`` pairs with the
largest P(w1, w2) * |lift - log bow(w1)| (their share of the model's information).

    python tools/build_word_context.py [--sunpinyin DIR] [--keep 600000] [--out wordpairs.tsv.gz]
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.proofreading.language import Language  # noqa: E402
from tools.sunpinyin_lm import DEFAULT_DIR, read_model  # noqa: E402

MIN_DIFFERENCE = 0.7


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sunpinyin", type=Path, default=DEFAULT_DIR, help="folder of lm_sc.t3g, pydict_sc.bin")
    ap.add_argument("--keep", type=int, default=600_000, help="word pairs kept (largest information first)")
    ap.add_argument("--out", type=Path, default=Path("wordpairs.tsv.gz"), help="the table written")
    args = ap.parse_args()
    model = read_model(args.sunpinyin)
    known = Language.bundled().words
    words, n = model.words, len(model.words)

    def usable(word: str) -> bool:
        return bool(word) and (word in known or len(word) == 1)

    # the sentinel closing level 1 is no word: its id is 0 (""), so usable() drops it
    unigram: dict[str, float] = {}
    backoff: dict[str, float] = {}
    for k, (wid, p, bow) in enumerate(
        zip(model.unigram_words.tolist(), model.unigram_p.tolist(), model.unigram_bow.tolist())
    ):
        word = words[wid] if wid < n else ""
        if usable(word) and k < len(model.unigram_words) - 1 and p > 0:
            unigram[word] = math.log(p)
            backoff[word] = math.log(bow)
    rows: list[tuple[float, str, str, float]] = []
    for k in range(len(model.unigram_words) - 1):
        wid = int(model.unigram_words[k])
        first = words[wid] if wid < n else ""
        if first not in backoff:
            continue
        lo, hi = int(model.first_child[k]), int(model.first_child[k + 1])
        seconds = model.bigram_words[lo:hi].tolist()
        probs = np.log(model.bigram_p[lo:hi]).tolist()
        p_first = math.exp(unigram[first])
        for wid2, logp in zip(seconds, probs):
            second = words[wid2] if wid2 < n else ""
            if second not in unigram:
                continue
            lift = logp - unigram[second]
            difference = abs(lift - backoff[first])
            if difference < MIN_DIFFERENCE:
                continue
            rows.append((p_first * math.exp(logp) * difference, first, second, lift))
    rows.sort(reverse=True)
    kept = rows[: args.keep]
    print(f"{len(unigram)} words, {len(rows)} pairs that differ from their back-off, {len(kept)} kept")
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(
            "# w1\tw2\tlift = log P(w2|w1) - log P(w2); w1\t\tlog back-off weight. From open-gram's word "
            "bigrams (sunpinyin-data, CC BY-SA 3.0), pruned by tools/build_word_context.py\n"
        )
        for word in sorted(backoff):
            f.write(f"{word}\t\t{backoff[word]:.1f}\n")
        for _info, first, second, lift in sorted(kept, key=lambda r: (r[1], r[2])):
            f.write(f"{first}\t{second}\t{lift:.1f}\n")
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
