"""Read the open-gram word language model that Debian's ``sunpinyin-data`` package ships.

open-gram (the SunPinyin input method's data; CC BY-SA 3.0, see
``/usr/share/doc/sunpinyin-data/copyright``) is a back-off word trigram model of
simplified Chinese running text: ``lm_sc.t3g`` holds the model, ``pydict_sc.bin`` the
lexicon its word ids index. Both are little-endian binary files written by SunPinyin's
``CThreadSlm`` and ``CPinyinTrie`` (``src/slm/slm.h``, ``src/lexicon/pytrie.h``):

- ``lm_sc.t3g``: N, use-log-probability flag, N + 1 level sizes (uint32); a table of
  2^16 probabilities and one of 2^14 back-off weights (float32); then each level's nodes,
  12 bytes each below level N (word id 18 bits, back-off index 14; probability index 16,
  first child low 16; first child high 7 bits at the top of the third word) and 8 bytes at
  level N (word id 18, probability index low 14; probability index high 2 at the top).
  The children of node k are the next level's nodes from its first child up to node
  k + 1's first child.
- ``pydict_sc.bin``: word count, node count, offset of the strings (uint32); from that
  offset, each word id's string as UCS-4 code points ending in 0.

Only build tools read it (``tools/build_proofreading_stats.py``, ``tools/build_word_context.py``);
the app would ship tables derived from it, never the files.

    apt-get install sunpinyin-data   # or: apt-get download sunpinyin-data && dpkg-deb -x ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_DIR = Path("/usr/lib/x86_64-linux-gnu/sunpinyin/data")
BITS_PR, BITS_BOW = 16, 14


@dataclass(frozen=True)
class WordModel:
    words: list[str]  # word id -> text ("" for the model's special ids)
    unigram_words: np.ndarray  # level 1: word ids
    unigram_p: np.ndarray  # P(w)
    unigram_bow: np.ndarray  # back-off weight of w: P(w2 | w) = bow(w) P(w2) for an unlisted w2
    first_child: np.ndarray  # level 1: index of the first level-2 node (one more entry than nodes)
    bigram_words: np.ndarray  # level 2: word ids
    bigram_p: np.ndarray  # P(w2 | w1), w1 being the parent level-1 node

    def unigrams(self) -> Iterator[tuple[str, float]]:
        for wid, p in zip(self.unigram_words.tolist(), self.unigram_p.tolist()):
            word = self.words[wid] if wid < len(self.words) else ""
            if word:
                yield word, p

    def bigrams(self) -> Iterator[tuple[str, str, float]]:
        """(first word, second word, joint probability P(w1) P(w2 | w1)) of every listed pair."""
        words, n = self.words, len(self.words)
        for k in range(len(self.unigram_words) - 1):
            wid = int(self.unigram_words[k])
            first = words[wid] if wid < n else ""
            lo, hi = int(self.first_child[k]), int(self.first_child[k + 1])
            if not first or hi <= lo:
                continue
            p_first = float(self.unigram_p[k])
            for wid2, p in zip(self.bigram_words[lo:hi].tolist(), self.bigram_p[lo:hi].tolist()):
                second = words[wid2] if wid2 < n else ""
                if second:
                    yield first, second, p_first * p


def read_lexicon(path: Path) -> list[str]:
    data = path.read_bytes()
    count, _nodes, offset = np.frombuffer(data, dtype="<u4", count=3).tolist()
    codes = np.frombuffer(data, dtype="<u4", offset=offset)
    ends = np.flatnonzero(codes == 0)[:count]
    words, start = [], 0
    for end in ends.tolist():
        words.append("".join(map(chr, codes[start:end].tolist())))
        start = end + 1
    return words


def read_model(folder: Path = DEFAULT_DIR) -> WordModel:
    lm_path, lexicon_path = folder / "lm_sc.t3g", folder / "pydict_sc.bin"
    for path in (lm_path, lexicon_path):
        if not path.exists():
            raise SystemExit(f"{path} not found: apt-get install sunpinyin-data (or pass its folder)")
    data = lm_path.read_bytes()
    head = np.frombuffer(data, dtype="<u4", count=2)
    n, use_log = int(head[0]), int(head[1])
    sizes = np.frombuffer(data, dtype="<u4", count=n + 1, offset=8).tolist()
    offset = 8 + 4 * (n + 1)
    pr = np.frombuffer(data, dtype="<f4", count=1 << BITS_PR, offset=offset).astype(np.float64)
    offset += 4 * (1 << BITS_PR)
    bow = np.frombuffer(data, dtype="<f4", count=1 << BITS_BOW, offset=offset).astype(np.float64)
    offset += 4 * (1 << BITS_BOW)
    if use_log:
        pr, bow = np.exp(-pr), np.exp(-bow)
    nodes = []
    for level in range(n + 1):
        width = 3 if level < n else 2
        nodes.append(
            np.frombuffer(data, dtype="<u4", count=width * sizes[level], offset=offset).reshape(-1, width)
        )
        offset += 4 * width * sizes[level]
    if offset != len(data):
        raise SystemExit(f"{lm_path}: not the expected layout ({offset} of {len(data)} bytes read)")
    one, two = nodes[1], nodes[2]
    mask = (1 << 18) - 1
    first_child = ((one[:, 2] >> 25).astype(np.int64) << 16) + (one[:, 1] >> 16)
    return WordModel(
        words=read_lexicon(lexicon_path),
        unigram_words=one[:, 0] & mask,
        unigram_p=pr[one[:, 1] & 0xFFFF],
        unigram_bow=bow[one[:, 0] >> 18],
        first_child=first_child,
        bigram_words=two[:, 0] & mask,
        bigram_p=pr[two[:, 1] & 0xFFFF],
    )


def character_pairs(model: WordModel) -> Counter[str]:
    """Expected frequency of each character pair in running text: the pairs inside each word
    weighted by P(w), and the pair across each listed word bigram weighted by P(w1, w2)."""
    pairs: Counter[str] = Counter()
    for word, p in model.unigrams():
        for a, b in zip(word, word[1:]):
            pairs[a + b] += p
    for first, second, p in model.bigrams():
        pairs[first[-1] + second[0]] += p
    return pairs
