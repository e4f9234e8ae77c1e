"""The checker: flags likely OCR errors in a line of text.

Four kinds of flag, each on at most four characters:

- ``punctuation``: a half-width mark in Chinese text (``,`` for ``，``);
- ``space``: a space the OCR left inside a word;
- ``lookalike``: a character whose look-alike makes a likely word where it makes an
  unlikely one (若千 -> 若干), with the look-alike as suggestion;
- ``unknown``: a character that makes no word the dictionaries or the library know,
  where a character that does fit is not a look-alike (服路员 -> 服务员), or none is clear.

Substitutions are scored, not ruled: every candidate from
:mod:`models.proofreading.candidates` gets a probability from a logistic regression
fitted on synthetic OCR errors (``tools/train_checker.py``), adjusted by what the library
taught (:class:`~models.proofreading.knowledge.LibraryKnowledge`); the best candidate at a
position is flagged when its probability reaches the model's threshold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models.errors import DubaoError
from models.proofreading.candidates import FEATURES, line_candidates
from models.proofreading.knowledge import LibraryKnowledge
from models.proofreading.language import Language
from models.proofreading.punctuation import punctuation_flags, space_flags
from models.resources import resource_path

KINDS = ("punctuation", "space", "lookalike", "unknown")
#: Longest span a flag may cover.
MAX_SPAN = 4
#: A word at least this common makes a space inside it an OCR space.
SPACE_WORD_COUNT = 20


@dataclass(frozen=True)
class Flag:
    """``line[start:end]`` (code points) is likely wrong; ``suggestion`` would replace it."""

    start: int
    end: int
    suggestion: str | None
    kind: str
    probability: float = 1.0

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "suggestion": self.suggestion, "kind": self.kind}


@dataclass(frozen=True)
class Model:
    """A logistic regression over standardised features."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def bundled(cls) -> Model:
        path = resource_path("proofreading", "checker-model.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DubaoError(f"the checker's model {path.name} cannot be read ({exc})") from None
        if tuple(data["features"]) != FEATURES:
            raise DubaoError("the checker's model was fitted on other features: run tools/train_checker.py")
        return cls(
            tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), data["bias"], data["threshold"]
        )

    def log_odds(self, features: Iterable[float]) -> float:
        return self.bias + sum(
            w * (f - m) / s for w, f, m, s in zip(self.weights, features, self.mean, self.scale)
        )


class Checker:
    """Flags for lines of text, from the bundled statistics and model plus a library's knowledge."""

    def __init__(
        self,
        language: Language | None = None,
        model: Model | None = None,
        knowledge: LibraryKnowledge | None = None,
    ) -> None:
        self.knowledge = knowledge or LibraryKnowledge()
        language = language or Language.bundled()
        self.language = language.with_words(self.knowledge.words)
        self.model = model or Model.bundled()
        self._extra_pairs = self.knowledge.extra_pairs()

    def check(self, line: str) -> list[Flag]:
        """The flags of one line, sorted by start; spans never overlap."""
        flags: list[Flag] = []
        for start, end, suggestion, kind in punctuation_flags(line):
            flags.append(Flag(start, end, suggestion, kind))
        words = self.language.words
        for start, end, suggestion, kind in space_flags(line, lambda w: words.get(w, 0) >= SPACE_WORD_COUNT):
            flags.append(Flag(start, end, suggestion, kind))
        flags.extend(self._substitutions(line))
        flags = [f for f in flags if self._kept(line, f)]
        flags.sort(key=lambda f: (f.start, f.end))
        return _without_overlaps(flags)

    def check_lines(self, lines: Iterable[str]) -> Iterator[list[Flag]]:
        for line in lines:
            yield self.check(line)

    def _kept(self, line: str, flag: Flag) -> bool:
        if flag.kind in ("lookalike", "unknown") or self.knowledge.empty:
            return True
        # a dismissed punctuation or space flag stays dismissed
        return self.knowledge.adjustment(line[flag.start : flag.end], flag.suggestion) > -1.0

    def _substitutions(self, line: str) -> list[Flag]:
        best: dict[int, tuple[float, str, float]] = {}
        model, knowledge = self.model, self.knowledge
        for cand in line_candidates(self.language, line, self._extra_pairs):
            score = model.log_odds(cand.features)
            if not knowledge.empty:
                score += knowledge.adjustment(cand.read, cand.suggestion)
            similarity = cand.features[FEATURES.index("similarity")]
            if cand.position not in best or score > best[cand.position][0]:
                best[cand.position] = (score, cand.suggestion, similarity)
        out: list[Flag] = []
        cut = math.log(model.threshold / (1 - model.threshold)) if 0 < model.threshold < 1 else math.inf
        for position, (score, suggestion, similarity) in best.items():
            if score >= cut:
                corrected = (line[position], suggestion) in knowledge.corrected
                kind = "lookalike" if similarity > 0 or corrected else "unknown"
                out.append(Flag(position, position + 1, suggestion, kind, 1 / (1 + math.exp(-score))))
        return out


def _without_overlaps(flags: list[Flag]) -> list[Flag]:
    out: list[Flag] = []
    for flag in flags:
        if flag.end - flag.start > MAX_SPAN or flag.end <= flag.start:
            continue
        if out and flag.start < out[-1].end:
            if flag.probability > out[-1].probability:
                out[-1] = flag
            continue
        out.append(flag)
    return out
