"""Folding text for search: forms a reader takes for the same character become one.

Full-width and half-width forms (``Ａ``/``A``, ``，``/``,``, ``ｶ``/``カ``), compatibility
ideographs and Kangxi radicals (``⼈``/``人``), traditional and simplified characters
(``發``/``发``, through OpenCC's table, see ``tools/build_search_folding.py``) and Latin
case fold to one form. Folding maps every character to exactly one character, so an
offset into the folded text is the same offset into the text itself.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from models.resources import resource_path

#: Characters whose lower case is not one character, or depends on the next one (final
#: sigma): folded here once, so ``str.lower()`` on the rest is one character for one.
_CASE_EXCEPTIONS = {0x130: ord("i"), 0x3A3: 0x3C3}

#: Blocks whose NFKC form is the character a reader sees: the ideographic space,
#: CJK radicals, Kangxi radicals, compatibility ideographs, half- and full-width forms.
_NFKC_BLOCKS = (
    (0x3000, 0x3000),
    (0x2E80, 0x2EFF),
    (0x2F00, 0x2FDF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x2F800, 0x2FA1F),
)


@cache
def _base_table() -> dict[int, int]:
    """``{code point: code point}`` for the characters that fold to another before case."""
    simplified: dict[int, int] = {}
    for line in resource_path("search", "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, _, simple = line.partition("\t")
            simplified[ord(traditional)] = ord(simple)
    table: dict[int, int] = {}
    for low, high in _NFKC_BLOCKS:
        for code in range(low, high + 1):
            form = unicodedata.normalize("NFKC", chr(code))
            if len(form) == 1 and form != chr(code):
                table[code] = ord(form)
    for code, simple in simplified.items():
        table.setdefault(code, simple)
    # A compatibility form of a traditional character folds on to the simplified one.
    for code, target in list(table.items()):
        table[code] = simplified.get(target, target)
    table.update(_CASE_EXCEPTIONS)
    return table


class _Folds(dict):
    """Code point → folded code point, filled as characters are met (``str.translate`` reads it).

    A dict that already holds every character of the text is the fast case of
    ``str.translate``; characters it has not met yet are worked out once.
    """

    def __init__(self, base: dict[int, int]) -> None:
        super().__init__()
        self._base = base

    def __missing__(self, code: int) -> int:
        target = self._base.get(code, code)
        # Case one character at a time: str.lower() on a whole text is contextual (final sigma).
        lower = chr(target).lower()
        if len(lower) == 1:
            target = ord(lower)
        self[code] = target
        return target


@cache
def _folds() -> _Folds:
    return _Folds(_base_table())


#: From this length on, folding goes through an array (numpy), about 20 times faster.
_ARRAY_FROM = 200


def fold(text: str) -> str:
    """``text`` with every character in its search form; the same length as ``text``."""
    if len(text) < _ARRAY_FROM:
        return text.translate(_folds())
    return fold_array(text)


#: No character from here on has a lower case (the last cased script, Adlam, ends at U+1E95F).
_CASED_BELOW = 0x20000


@cache
def _lookup():  # -> numpy.ndarray
    """Every code point's folded code point, case included."""
    import numpy as np

    table = _base_table()
    lookup = np.arange(0x110000, dtype=np.uint32)
    lookup[np.fromiter(table.keys(), dtype=np.uint32)] = np.fromiter(table.values(), dtype=np.uint32)
    # Lower case of every target below _CASED_BELOW in one call: with İ and Σ folded by the
    # table, str.lower() is one character for one and needs no context.
    targets = lookup[:_CASED_BELOW].tobytes().decode("utf-32-le", "surrogatepass")
    lowered = targets.lower()
    if len(lowered) != len(targets):
        raise AssertionError("lower case changed a character's length")
    lookup[:_CASED_BELOW] = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return lookup


def fold_array(text: str) -> str:
    """:func:`fold` for long texts, through an array of every code point's folded form."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _lookup()[codes].tobytes().decode("utf-32-le", "surrogatepass")


def fingerprint() -> str:
    """Changes whenever folding changes, so an index folded differently is rebuilt.

    Made from what the table is built from (the bundled file, the blocks, the Unicode
    version), so opening a library does not build the table.
    """
    import hashlib

    digest = hashlib.sha256(resource_path("search", "t2s.tsv").read_bytes())
    digest.update(repr((_NFKC_BLOCKS, sorted(_CASE_EXCEPTIONS.items()), _CASED_BELOW)).encode("ascii"))
    digest.update(unicodedata.unidata_version.encode("ascii"))
    return digest.hexdigest()[:16]
