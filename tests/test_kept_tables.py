"""jieba's dictionary and the word table kept as one copy: the next process reads the same words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from models.language import kept_tables, phrase_table, segmenter

LINES = "他还书给图书馆，借书要还。\n行长说银行的曾国藩研究做得好\n𠀀字重庆\n"


def _pinyin(data_home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    return subprocess.run(
        [sys.executable, "main.py", "pinyin"],
        cwd=ROOT,
        input=LINES,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def _copies(data_home: Path) -> list[Path]:
    return sorted((data_home / "Dubao" / "language").glob("tables-*.marshal"))


def test_the_kept_copy_reads_the_same_as_the_shipped_tables_and_a_broken_one_is_read_past(
    tmp_path: Path,
) -> None:
    first = _pinyin(tmp_path)  # no copy yet: the tables as shipped, then kept
    assert first.returncode == 0, first.stderr
    assert len(_copies(tmp_path)) == 1
    again = _pinyin(tmp_path)  # from the copy
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    copy = _copies(tmp_path)[0]
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 3])  # cut short (a full disk, a crash)
    broken = _pinyin(tmp_path)
    assert broken.returncode == 0, broken.stderr
    assert broken.stdout == first.stdout
    assert _copies(tmp_path)[0].stat().st_size > copy.stat().st_size // 2  # made whole again


def test_a_data_folder_that_cannot_be_written_reads_the_tables_as_shipped(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    reference = _pinyin(tmp_path / "writable")
    out = _pinyin(blocked)
    assert out.returncode == 0, out.stderr
    assert out.stdout == reference.stdout
    assert out.stderr == ""


def test_the_copy_holds_jiebas_counts_and_the_word_table_as_loaded(tmp_path: Path) -> None:
    tokenizer = segmenter._load()
    words = phrase_table.word_table()
    kept_tables.write(tokenizer.FREQ, tokenizer.total, words, folder=tmp_path)
    kept = kept_tables.read(folder=tmp_path)
    assert kept is not None
    freq, total, kept_words = kept
    assert freq == tokenizer.FREQ and total == tokenizer.total and kept_words == words
    cutter = kept_tables.tokenizer_from(kept)
    text = "他还书给图书馆，行长说得对。"
    assert segmenter.dictionary_words(cutter, text) == segmenter.dictionary_words(tokenizer, text)
    # One string a word, as loaded: the table's words are jieba's strings where jieba has them.
    shared = next(w for w in kept_words if len(w) > 1 and w in freq)
    assert next(k for k in freq if k == shared) is next(k for k in kept_words if k == shared)
