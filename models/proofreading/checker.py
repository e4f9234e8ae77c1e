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
from dataclasses import dataclass, replace
from pathlib import Path

from models.errors import DubaoError
from models.proofreading.candidates import FEATURES, Candidate, line_candidates
from models.proofreading.checker_knowledge import LibraryKnowledge, surroundings
from models.proofreading.language import Language, is_han
from models.proofreading.line_pieces import CONTEXT, PIECE_CHARS, piece_bounds
from models.proofreading.positions import POSITION_FEATURES, position_features
from models.proofreading.punctuation import punctuation_flags, space_flags
from models.proofreading.regression import Regression
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


def _logit(p: float) -> float:
    return math.log(p / (1 - p)) if 0 < p < 1 else (math.inf if p >= 1 else -math.inf)


@dataclass(frozen=True)
class Model:
    """The two fitted stages and their thresholds (probabilities)."""

    substitution: Regression  # is this candidate the right character?
    position: Regression  # is the character at this position misread?
    flag_threshold: float  # a position is flagged from this probability (second stage)
    substitution_threshold: float  # a candidate is flagged, as suggestion, from this probability

    @classmethod
    def bundled(cls) -> Model:
        return cls.from_file(resource_path("proofreading", "checker-model.json"))

    @classmethod
    def from_file(cls, path: Path) -> Model:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                Regression.from_json(data["substitution"], FEATURES),
                Regression.from_json(data["position"], POSITION_FEATURES),
                float(data["flag_threshold"]),
                float(data["substitution_threshold"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DubaoError(f"the checker's model {path.name} cannot be read ({exc})") from None


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
        """The flags of one line, sorted by start; spans never overlap. A line over
        :data:`~models.proofreading.line_pieces.PIECE_CHARS` is checked in pieces cut at sentence ends
        (memory and time in proportion to its length), the flags offset back into the line."""
        if len(line) <= PIECE_CHARS:
            return self._check_piece(line)
        return self.check_in_pieces(line, PIECE_CHARS)

    def check_in_pieces(self, line: str, size: int) -> list[Flag]:
        """``check`` of a line cut into pieces of at most ``size`` (each checked with CONTEXT
        characters around it, its flags offset back into the line)."""
        flags: list[Flag] = []
        for start, end in piece_bounds(line, size):
            low = max(0, start - CONTEXT)
            for flag in self._check_piece(line[low : end + CONTEXT]):
                if start <= flag.start + low < end:
                    flags.append(replace(flag, start=flag.start + low, end=flag.end + low))
        return flags

    def _check_piece(self, line: str) -> list[Flag]:
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
        # a punctuation or space flag dismissed with the same classes around it stays dismissed
        around = surroundings(line, flag.start, flag.end)
        return self.knowledge.adjustment(line[flag.start : flag.end], flag.suggestion, around) > -1.0

    def scored_candidates(
        self, line: str, covered: list[float] | None = None
    ) -> Iterator[tuple[Candidate, float]]:
        """Every candidate substitution in ``line`` with its log-odds (library knowledge included)."""
        knowledge = self.knowledge
        cands = line_candidates(self.language, line, self._extra_pairs, covered)
        scores = self.model.substitution.log_odds_many([c.features for c in cands])
        for cand, score in zip(cands, scores.tolist()):
            if not knowledge.empty:
                score += knowledge.adjustment(cand.read, cand.suggestion)
            yield cand, score

    def _substitutions(self, line: str) -> list[Flag]:
        language, model, knowledge = self.language, self.model, self.knowledge
        covered = language.covering_words(line)
        best: dict[int, tuple[float, str, float]] = {}
        similarity_at = FEATURES.index("similarity")
        for cand, score in self.scored_candidates(line, covered):
            if cand.position not in best or score > best[cand.position][0]:
                best[cand.position] = (score, cand.suggestion, cand.features[similarity_at])
        flag_cut, suggest_cut = _logit(model.flag_threshold), _logit(model.substitution_threshold)
        positions = [i for i, ch in enumerate(line) if is_han(ch)]
        rows = [
            position_features(language, line, covered, i, best[i][0] if i in best else None)
            for i in positions
        ]
        out: list[Flag] = []
        for i, score in zip(positions, model.position.log_odds_many(rows).tolist()):
            ch = line[i]
            sub = best.get(i)
            suggestion = sub[1] if sub is not None and sub[0] >= suggest_cut else None
            if not knowledge.empty:
                score += knowledge.adjustment(ch, suggestion)
            if score < flag_cut and suggestion is None:
                continue
            corrected = suggestion is not None and (ch, suggestion) in knowledge.corrected
            kind = "lookalike" if suggestion is not None and (sub[2] > 0 or corrected) else "unknown"
            out.append(Flag(i, i + 1, suggestion, kind, 1 / (1 + math.exp(-score))))
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
