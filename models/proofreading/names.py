"""Does a character stand in a likely person's name? A feature of the checker's position stage.

A name's given-name characters make no dictionary word with their neighbours, so without
this the checker takes them for misreadings (周国泉, 杨晓渡, 记者季芳: about a quarter of its
false flags on news text). The lists are the ones the reading engine ships
(``resources/language/surnames.tsv``: CC-CEDICT surnames with how many of jieba's person
names each heads; ``given_names.txt``: characters of jieba's three-character names), made by
``tools/build_names.py``.
"""

from __future__ import annotations

import math
import threading

from models.resources import resource_path

_lock = threading.Lock()
_lists: tuple[dict[str, float], frozenset[str]] | None = None


def name_lists() -> tuple[dict[str, float], frozenset[str]]:
    """Surname -> log(1 + jieba person names it heads); the given-name characters."""
    global _lists
    if _lists is None:
        with _lock:
            if _lists is None:
                surnames: dict[str, float] = {}
                with resource_path("language", "surnames.tsv").open(encoding="utf-8") as f:
                    for line in f:
                        row = line.rstrip("\n").split("\t")
                        if not line.startswith("#") and len(row) == 3 and row[2].isdigit():
                            surnames[row[0]] = math.log1p(int(row[2]))
                with resource_path("language", "given_names.txt").open(encoding="utf-8") as f:
                    given = frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
                _lists = (surnames, given)
    return _lists


def name_weight(text: str, i: int) -> float:
    """How likely ``text[i]`` is part of a person's name: the surname weight of the best
    two- or three-character name covering it (a surname, then given-name characters; half a
    point more for three characters), 0 where none covers it."""
    surnames, given = name_lists()
    n = len(text)
    best = 0.0
    for start in (i - 2, i - 1, i):
        if start < 0:
            continue
        weight = surnames.get(text[start])
        if weight is None:
            continue
        for length in (2, 3):
            end = start + length
            if end > n or i >= end:
                continue
            if all(text[k] in given for k in range(start + 1, end)):
                best = max(best, weight + (0.5 if length == 3 else 0.0))
    return best
