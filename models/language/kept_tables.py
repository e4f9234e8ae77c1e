"""jieba's dictionary and the word table kept as one marshal copy, read back in one go.

Reading them as their packages and files hold them takes about a second of CPU (jieba's own
cache 0.5–0.7 s, one count object a value 0.2 s, the word table's text 0.4–0.6 s): the pinyin
CLI's whole start-up, and the language layer's warm-up in the window. The copy holds them as
they are once loaded, keys and values shared (marshal keeps an object seen twice as one), in
the app-data folder's ``language``; the next process reads it in about 0.4 s. It is made again
when jieba, its dictionary, the word table or Python change (``_stamp``), and not at all when
the folder cannot be written: then the tables are read as before, nothing else changes.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

#: Bump when what the copy holds changes.
FORMAT = 1

Tables = tuple[dict[str, int], int, dict[str, str]]


def _sources() -> list[Path]:
    import jieba

    from models.language.phrase_table import WORDS_FILE

    return [Path(jieba.__file__).with_name("dict.txt"), WORDS_FILE]


def _stamp() -> str:
    """What the copy was made from: jieba's version, its dictionary and the word table (size and
    time of change), marshal's format and Python's version."""
    import jieba

    made = [f"{FORMAT} {jieba.__version__} {marshal.version} {sys.version_info[:2]}"]
    for path in _sources():
        info = path.stat()
        made.append(f"{path.name} {info.st_size} {info.st_mtime_ns}")
    return hashlib.sha1("|".join(made).encode()).hexdigest()[:16]


def _path(folder: Path | None, stamp: str) -> Path:
    if folder is None:
        from models.library.location import app_data_dir

        folder = app_data_dir() / "language"
    return folder / f"tables-{stamp}.marshal"


def read(folder: Path | None = None) -> Tables | None:
    """jieba's counts, their total and the word table from the kept copy, or None without one."""
    try:  # marshal.loads: marshal.load reads a file a few bytes at a time, three times slower
        freq, total, words = marshal.loads(_path(folder, _stamp()).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, an old Python's, or a broken one: read the tables as shipped
    if not (isinstance(freq, dict) and isinstance(total, int) and isinstance(words, dict)):
        return None
    return freq, total, words


def write(freq: dict[str, int], total: int, words: dict[str, str], folder: Path | None = None) -> None:
    """Keep the tables for the next process (``kept_copy.write_copy``: whole or not at all)."""
    from models.kept_copy import write_copy

    write_copy(_path(folder, _stamp()), (freq, total, words))


def tokenizer_from(tables: Tables) -> Any:
    """A jieba tokenizer of the default dictionary holding the kept counts, ready to cut."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tables[0], tables[1]
    tokenizer.initialized = True  # what initialize() would have loaded, from jieba's own cache
    return tokenizer
