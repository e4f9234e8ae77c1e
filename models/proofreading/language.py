"""The checker's language statistics: word counts, character pairs, look-alikes.

All three ship in ``resources/proofreading/`` (made by the scripts in ``tools/``):
word counts from jieba's dictionary (MIT) and CC-CEDICT (CC BY-SA 4.0), character pair
counts from the CPP sentences (Chinese Wikipedia, CC BY-SA), and the look-alike table
computed by rendering glyphs. A library's own words are added on top
(:meth:`Language.with_words`).
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from models.errors import DubaoError
from models.kept_copy import write_copy
from models.resources import resource_path

#: The shipped tables, read once and kept as one marshal file in the app-data folder
#: (reading the tab-separated files takes seconds; the marshal file a fraction of that).
TABLES = ("words.tsv.gz", "bigrams.tsv.gz", "lookalikes.tsv")
CACHE_FORMAT = 1

#: Longest word the segmenter looks up.
MAX_WORD = 4
#: Longest word a substitution is checked against (word-making candidates).
MAX_PATTERN = 4


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


def _read_table(path: Path) -> Iterable[list[str]]:
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    yield line.rstrip("\n").split("\t")
    except OSError as exc:
        raise DubaoError(f"the checker's data file {path.name} cannot be read ({exc.strerror})") from None


class Language:
    """Word and character statistics with the queries the checker's features need."""

    def __init__(
        self,
        words: Mapping[str, int],
        pairs: Mapping[str, int],
        lookalikes: Mapping[str, Mapping[str, float]],
        _derived: tuple[dict[str, int], dict[str, int]] | None = None,
    ) -> None:
        self.words = dict(words)
        self.total = float(sum(self.words.values())) or 1.0
        self.log_total = math.log(self.total)
        log_total = self.log_total
        self.logp = {w: math.log(c) - log_total for w, c in self.words.items()}
        self.unknown_logp = math.log(0.5) - self.log_total
        self.pairs = pairs
        self.lookalikes = lookalikes
        self._in_words, self.pair_firsts = _derived or _derive(self.words, pairs)
        self.pair_total = float(sum(self.pair_firsts.values())) or 1.0
        self._fillers: dict[str, str] | None = None

    @classmethod
    def bundled(cls, cache_folder: Path | None = None) -> Language:
        """The shipped tables; through a marshal copy in ``cache_folder`` (default: the
        app-data folder's ``checker``), made on first use, when that folder is writable."""
        folder = resource_path("proofreading")
        try:
            stamp = _stamp([folder / name for name in TABLES])
        except OSError as exc:
            raise DubaoError(f"the checker's data files cannot be read ({exc.strerror})") from None
        if cache_folder is None:
            from models.library.location import app_data_dir

            cache_folder = app_data_dir() / "checker"
        cached = cache_folder / f"tables-{stamp}.marshal"
        try:
            words, pairs, lookalikes, in_words, firsts = marshal.loads(cached.read_bytes())
            return cls(words, pairs, lookalikes, (in_words, firsts))
        except (OSError, EOFError, ValueError, TypeError):
            pass
        words = {row[0]: int(row[1]) for row in _read_table(folder / "words.tsv.gz") if len(row) == 2}
        pairs = {row[0]: int(row[1]) for row in _read_table(folder / "bigrams.tsv.gz") if len(row) == 2}
        language = cls(words, pairs, read_lookalikes(folder / "lookalikes.tsv"))
        write_copy(
            cached,
            (language.words, pairs, language.lookalikes, language._in_words, language.pair_firsts),
        )
        return language

    def with_words(self, extra: Iterable[str], count: int = 200) -> Language:
        """A copy that also knows ``extra`` (a library's word list) at ``count`` each."""
        extra = [w for w in extra if w and w not in self.words]
        if not extra:
            return self
        words = dict(self.words)
        words.update(dict.fromkeys(extra, count))
        in_words = dict(self._in_words)
        for word in extra:
            if len(word) > 1:
                for ch in word:
                    in_words[ch] = in_words.get(ch, 0) + count
        return Language(words, self.pairs, self.lookalikes, (in_words, self.pair_firsts))

    # --- words -----------------------------------------------------------------------

    def word_logp(self, word: str) -> float | None:
        count = self.words.get(word)
        return None if count is None else math.log(count) - self.log_total

    def char_logp(self, ch: str) -> float:
        """A single character as a word; unknown ones get half a count."""
        return math.log(self.words.get(ch, 0) + 0.5) - self.log_total

    def freedom(self, ch: str) -> float:
        """log(times the character stands alone as a word / times it stands inside longer words).

        Near 0 for characters that are words of their own (的, 在); very negative for those
        that live inside words (贪, 结): a stranded one of those is suspicious."""
        return math.log(self.words.get(ch, 0) + 1) - math.log(self._in_words.get(ch, 0) + 1)

    def segment_logp(self, text: str) -> float:
        """Log-probability of the best segmentation of ``text`` under the word unigram model."""
        n = len(text)
        best = [0.0] * (n + 1)
        logp = self.logp
        unknown = self.unknown_logp
        for end in range(1, n + 1):
            top = best[end - 1] + logp.get(text[end - 1], unknown)
            for start in range(max(0, end - MAX_WORD), end - 1):
                lp = logp.get(text[start:end])
                if lp is not None and best[start] + lp > top:
                    top = best[start] + lp
            best[end] = top
        return best[n]

    def covering_words(self, text: str) -> list[float]:
        """For each position, the log count of the most common word (2-4 characters, seen more
        than once) covering it; 0 where none does."""
        n = len(text)
        best = [0.0] * n
        words = self.words
        for start in range(n - 1):
            for length in range(2, min(MAX_PATTERN, n - start) + 1):
                count = words.get(text[start : start + length])
                if count is not None and count > 1:
                    value = math.log(count)
                    for k in range(start, start + length):
                        if best[k] < value:
                            best[k] = value
        return best

    # --- character pairs -------------------------------------------------------------

    def pair_logp(self, a: str, b: str) -> float:
        """log P(b | a) from the pair counts, interpolated with b's own frequency."""
        prior = (self.pair_firsts.get(b, 0) + 0.5) / self.pair_total
        return math.log((self.pairs.get(a + b, 0) + 20.0 * prior) / (self.pair_firsts.get(a, 0) + 20.0))

    # --- substitutions -----------------------------------------------------------------

    def fillers(self) -> dict[str, str]:
        """Word patterns with one character left out ('服?员') -> the characters that fill them."""
        if self._fillers is None:
            index: dict[str, list[str]] = {}
            for word, count in self.words.items():
                if 2 <= len(word) <= MAX_PATTERN and count > 1:
                    for k in range(len(word)):
                        index.setdefault(word[:k] + "?" + word[k + 1 :], []).append(word[k])
            self._fillers = {key: "".join(chars) for key, chars in index.items()}
        return self._fillers


def _derive(words: Mapping[str, int], pairs: Mapping[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """Per character: summed counts of the longer words holding it; of the pairs it opens."""
    in_words: dict[str, int] = {}
    for word, count in words.items():
        if len(word) > 1:
            for ch in word:
                in_words[ch] = in_words.get(ch, 0) + count
    firsts: dict[str, int] = {}
    for pair, count in pairs.items():
        firsts[pair[0]] = firsts.get(pair[0], 0) + count
    return in_words, firsts


def _stamp(paths: list[Path]) -> str:
    """What the cache was made from: the tables' bytes, the cache format, the Python version."""
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]} {marshal.version}".encode())
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_lookalikes(path: Path) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for row in _read_table(path):
        if len(row) != 2:
            continue
        neighbours: dict[str, float] = {}
        for item in row[1].split(" "):
            ch, _sep, sim = item.rpartition(":")
            if ch:
                neighbours[ch] = float(sim)
        table[row[0]] = neighbours
    return table
