"""A streamed export (W3C, written as annotations are made) loses nothing when it fails midway."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.annotations.exchange import w3c_chunks
from models.export_file import write_chunks_atomically


def test_a_failure_while_streaming_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_bytes(b"the colleague's old file")

    def chunks() -> Iterator[bytes]:
        yield b'{"items": ['
        raise RuntimeError("the library went away")

    with pytest.raises(RuntimeError):
        write_chunks_atomically(target, chunks())
    assert target.read_bytes() == b"the colleague's old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_streamed_collection_counts_what_it_holds(tmp_path: Path) -> None:
    extra = [{"id": f"urn:uuid:{n}", "type": "Annotation", "body": '读报 "引号"\n'} for n in range(700)]
    counted: list[int] = []
    target = write_chunks_atomically(tmp_path / "out.json", w3c_chunks([], "读报", extra, counted))
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection"
    assert doc["label"] == "读报"
    assert doc["first"]["items"] == extra
    assert doc["total"] == counted[0] == 700
