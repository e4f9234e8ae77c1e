"""Vocabulary files: TSV for Anki and CSV (UTF-8 with a BOM) for Excel.

Both have the same columns: simplified, traditional, pinyin, definition, sentence,
source. The TSV starts with Anki's file headers (``#separator:tab``, ``#html:false``,
``#columns:``) so Anki imports it as plain text into the right fields; tabs and line
breaks inside a field become spaces, as TSV has no quoting Anki reads.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence

from models.errors import DubaoError
from models.vocabulary.words import VocabularyWord

COLUMNS = ("Simplified", "Traditional", "Pinyin", "Definition", "Sentence", "Source")


def _fields(word: VocabularyWord) -> list[str]:
    return [word.simplified, word.traditional, word.pinyin, word.definition, word.sentence, word.source]


def _flat(value: str) -> str:
    return " ".join(value.replace("\t", " ").split())


def _spreadsheet_safe(value: str) -> str:
    """A cell Excel will not run as a formula (OWASP's advice: a leading quote)."""
    return "'" + value if value[:1] in ("=", "+", "@", "\t", "\r") else value


def tsv_text(words: Sequence[VocabularyWord]) -> str:
    """The Anki file's text."""
    lines = ["#separator:tab", "#html:false", "#columns:" + "\t".join(COLUMNS)]
    lines += ["\t".join(_flat(f) for f in _fields(w)) for w in words]
    return "\n".join(lines) + "\n"


def write_tsv(words: Sequence[VocabularyWord], path: str | os.PathLike[str]) -> None:
    """Write the words as a TSV file for Anki (UTF-8, no BOM)."""
    _write(path, tsv_text(words), "utf-8")


def write_csv(words: Sequence[VocabularyWord], path: str | os.PathLike[str]) -> None:
    """Write the words as CSV for Excel: UTF-8 with a BOM (else Excel reads it as ANSI), a header row."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            writer.writerow(COLUMNS)
            writer.writerows([_spreadsheet_safe(v) for v in _fields(w)] for w in words)
    except OSError as exc:
        raise DubaoError(f"cannot write {path}: {exc.strerror or exc}") from None


def _write(path: str | os.PathLike[str], text: str, encoding: str) -> None:
    try:
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(text)
    except OSError as exc:
        raise DubaoError(f"cannot write {path}: {exc.strerror or exc}") from None
