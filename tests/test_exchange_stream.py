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


def test_streamed_tables_are_the_tables_written_at_once(tmp_path: Path) -> None:
    """CSV and Markdown written in chunks (hundreds of rows, page and section changes, notes)
    are byte for byte what the whole-file writers make."""
    from annotation_pages import library_with, sample_text

    from models.annotations.exchange import collect
    from models.annotations.exchange_tables import csv_bytes, csv_chunks, markdown_bytes, markdown_chunks

    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()))
    page = annotations.open_page(page_ids[0])
    cats = [c.id for c in annotations.categories()]
    for n in range(600):
        section = n % len(page.texts)
        start = (n * 7) % max(1, len(page.texts[section]) - 4)
        note = "" if n % 4 else f"第{n}条\n\n*第二段*"
        annotations.create(
            page, section, start, start + 3, cats[n % len(cats)], tags=[f"t{n % 5}"], note=note
        )
    items = collect(annotations)
    assert len(items) > 512
    counted: list[int] = []
    assert b"".join(csv_chunks(iter(items), counted)) == csv_bytes(items)
    assert b"".join(markdown_chunks(iter(items), "读报", counted)) == markdown_bytes(items, "读报")
    assert counted == [len(items), len(items)]
