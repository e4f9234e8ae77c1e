"""Vocabulary files: TSV for Anki and CSV (UTF-8 with a BOM) for Excel.

Both have the same columns: simplified, traditional, pinyin, definition, sentence,
source. The TSV starts with Anki's file headers (``#separator:tab``, ``#html:false``,
``#columns:``) so Anki imports it as plain text into the right fields; tabs and line
breaks inside a field become spaces, as TSV has no quoting Anki reads.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence

from models.vocabulary.words import VocabularyWord

#: a library file an export must never overwrite (None: an in-memory library)
Protected = str | os.PathLike[str] | None

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


def write_tsv(
    words: Sequence[VocabularyWord], path: str | os.PathLike[str], protect: Sequence[Protected] = ()
) -> None:
    """Write the words as a TSV file for Anki (UTF-8, no BOM); never over a ``protect``ed library."""
    _write(path, tsv_text(words), "utf-8", protect)


def write_csv(
    words: Sequence[VocabularyWord], path: str | os.PathLike[str], protect: Sequence[Protected] = ()
) -> None:
    """Write the words as CSV for Excel: UTF-8 with a BOM (else Excel reads it as ANSI), a header row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_spreadsheet_safe(v) for v in _fields(w)] for w in words)
    _write(path, buffer.getvalue(), "utf-8-sig", protect)


def _write(path: str | os.PathLike[str], text: str, encoding: str, protect: Sequence[Protected] = ()) -> None:
    """Through a temporary file and a rename; never over a library (models.export_file)."""
    from models.export_file import write_atomically

    write_atomically(path, text.encode(encoding), protect, what="vocabulary export")
