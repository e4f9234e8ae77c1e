"""The polyphone trainer makes the shipped weights from the code: its examples must not depend on
the order the loaded word table happens to be keyed in (jieba's since the tables are kept), or a
retraining walks another AdaGrad path and reads news differently (docs/pinyin.md, pinyin-repro7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.language.phrase_table import WORDS_FILE
from tools import train_polyphones as tp


def _table_lines(count: int) -> list[str]:
    lines = []
    with WORDS_FILE.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and len(line.partition("\t")[0]) == 2:
                lines.append(line)
                if len(lines) == count:
                    break
    return lines


def _lone_examples(monkeypatch: pytest.MonkeyPatch, words: dict[str, str]) -> list[tuple[str, int, str]]:
    monkeypatch.setattr(tp, "word_table", lambda: words)
    ex = tp.Examples()
    tp._lone_words(ex)
    return [(text, pos, label) for text, pos, _feats, label, _src, _group in ex.pending]


def test_lone_word_examples_follow_the_file_not_the_loaded_tables_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lines = _table_lines(3000)
    listed = tmp_path / "words.tsv"
    listed.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(tp, "WORDS_FILE", listed)
    pairs = [line.rstrip("\n").split("\t") for line in lines]
    forward = _lone_examples(monkeypatch, dict(pairs))
    backward = _lone_examples(monkeypatch, dict(reversed(pairs)))
    assert forward, "no word of the sample has a polyphone jieba cuts off alone"
    assert backward == forward
