"""Which lines read differently to the checker after it learnt something from its library.

The window's checker remembers its answer for every line it has read (a page takes it
seconds) and learns again each time an editor corrects, dismisses or adds a word. Reading
every line again after each correction would keep both cores busy, so only the lines the
new knowledge can change are read again:

- a corrected pair or a dismissed flag matters only where its text as read stands in the
  line (the checker offers the pair, and weighs a flag, at characters of the line; a pair
  with nothing read, an insertion, matters nowhere);
- the library's word list changes the word counts every line is judged by: all lines.

``tests/test_proofreading_learning.py`` checks this against the checker itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from models.proofreading.checker_knowledge import LibraryKnowledge

K = TypeVar("K", bound=tuple)


def _changed_keys(before: Mapping[K, int], after: Mapping[K, int]) -> set[K]:
    return {key for key in before.keys() | after.keys() if before.get(key, 0) != after.get(key, 0)}


def affected_texts(before: LibraryKnowledge | None, after: LibraryKnowledge | None) -> frozenset[str] | None:
    """The texts a line must hold for the checker's answer on it to change between ``before``
    and ``after`` (empty: no line changes); None when every line may change."""
    before = before or LibraryKnowledge()
    after = after or LibraryKnowledge()
    if before.words != after.words:
        return None
    texts = {read for read, _right in _changed_keys(before.corrected, after.corrected)}
    texts |= {read for read, _suggestion in _changed_keys(before.dismissed, after.dismissed)}
    texts |= {key[0] for key in _changed_keys(before.dismissed_around, after.dismissed_around)}
    # An insertion editors made (nothing read) changes no answer: the checker's flags and
    # candidates all stand on characters as read.
    return frozenset(text for text in texts if text)


def reads_differently(line: str, texts: frozenset[str] | None) -> bool:
    """Whether the checker may answer differently on ``line`` (see :func:`affected_texts`)."""
    return texts is None or any(text in line for text in texts)
