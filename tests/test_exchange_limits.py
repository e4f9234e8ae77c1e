"""A colleague's W3C file within limits: oversized parts cut and reported, odd ones reported as what
they are, files that are no annotation file refused whole with nothing written."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from annotation_pages import library_with, mark, sample_text

from models.annotations import exchange_reading
from models.annotations.exchange import collect, import_w3c, to_annotation
from models.annotations.exchange_reading import MAX_NOTE_CHARS, MAX_TAGS
from models.errors import DubaoError
from models.library.schema import Category, Highlight, Note, Tag

pytestmark = pytest.mark.engines


@pytest.fixture
def lib(tmp_path: Path):
    annotations, [page_id] = library_with(tmp_path, ("sample.txt", sample_text()))
    yield annotations, annotations.open_page(page_id)
    annotations.library.close()


def annotation_on(annotations, page, words: str, category: str | None = "要点", tags=(), note="", keep=False):
    """A W3C annotation of ``words`` as a colleague's file would hold it (a fresh id)."""
    made = mark(annotations, page, words, "要点")
    [item] = [i for i in collect(annotations) if i.highlight.id == made.id]
    doc = to_annotation(item)
    if not keep:
        annotations.undo()
    doc["id"] = f"urn:uuid:{uuid.uuid4()}"
    body: list[dict[str, Any]] = []
    if category is not None:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": category})
    body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in tags]
    if note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": note})
    doc["body"] = body
    return doc


def as_file(*items: dict[str, Any]) -> bytes:
    return json.dumps({"type": "AnnotationPage", "items": list(items)}, ensure_ascii=False).encode("utf-8")


def test_a_huge_note_is_cut_and_the_report_says_so(lib) -> None:
    annotations, page = lib
    doc = annotation_on(annotations, page, "金融办", note="注" * 1_000_000)
    report = import_w3c(annotations, as_file(doc))
    assert report.added == 1 and report.notes_cut == 1
    assert f"1 notes cut to {MAX_NOTE_CHARS:,} characters" in report.summary()
    [note] = Note.select()
    assert len(note.text) == MAX_NOTE_CHARS


def test_tags_beyond_the_limit_are_dropped_and_counted(lib) -> None:
    annotations, page = lib
    doc = annotation_on(annotations, page, "金融办", tags=[f"标签{i}" for i in range(100)])
    report = import_w3c(annotations, as_file(doc))
    assert report.tags_dropped == 100 - MAX_TAGS
    [highlight] = annotations.page_highlights(page.page_id)
    assert len(highlight.tags) == MAX_TAGS
    assert "68 tags dropped" in report.summary()


def test_category_names_are_normalised_the_same_way_when_stored_and_looked_up(lib) -> None:
    annotations, page = lib
    before = Category.select().count()
    spaced = [annotation_on(annotations, page, w, category="新  类") for w in ("金融办", "动员大会")]
    long_name = "长" * 100
    long = [annotation_on(annotations, page, w, category=long_name) for w in ("示范区", "城乡一体化")]
    report = import_w3c(annotations, as_file(*spaced, *long))
    assert report.added == 4
    names = {c.name for c in Category.select()}
    assert len(names) == before + 2
    assert "新 类" in names and "长" * 64 in names
    assert report.names_cut == 2 and "names cut to 64 characters" in report.summary()


def test_a_repeated_id_is_reported_as_a_duplicate_not_as_merged(lib) -> None:
    annotations, page = lib
    doc = annotation_on(annotations, page, "金融办")
    twin = annotation_on(annotations, page, "动员大会")
    twin["id"] = doc["id"]
    report = import_w3c(annotations, as_file(doc, twin))
    assert (report.added, report.merged, report.duplicates) == (1, 0, 1)
    assert "ignored 1 repeating an id earlier in the file" in report.summary()


def test_a_blank_category_name_creates_no_category(lib) -> None:
    annotations, page = lib
    before = {c.name for c in Category.select()}
    report = import_w3c(
        annotations, as_file(annotation_on(annotations, page, "金融办", category="  \u3000 "))
    )
    assert {c.name for c in Category.select()} == before
    first = annotations.categories()[0]
    [highlight] = annotations.page_highlights(page.page_id)
    assert highlight.category_id == first.id
    assert report.blank_categories == 1 and f"put in {first.name}" in report.summary()


def test_a_colleagues_other_category_on_my_words_is_reported_and_mine_kept(lib) -> None:
    annotations, page = lib
    theirs = annotation_on(annotations, page, "金融办", category="生词", keep=True)  # mine stays: 要点
    same = annotation_on(annotations, page, "动员大会", category="要点", keep=True)
    report = import_w3c(annotations, as_file(theirs, same))
    assert (report.merged, report.category_conflicts) == (2, 1)
    assert "1 merged onto a highlight of another category (yours kept)" in report.summary()
    categories = {h.exact: h.category_id for h in annotations.page_highlights(page.page_id)}
    assert categories["金融办"] == annotations.category_named("要点").id


def _refused(annotations, data: bytes, reason: str) -> None:
    counts = (
        Highlight.select().count(),
        Tag.select().count(),
        Category.select().count(),
        Note.select().count(),
    )
    with pytest.raises(DubaoError, match=reason):
        import_w3c(annotations, data)
    assert counts == (
        Highlight.select().count(),
        Tag.select().count(),
        Category.select().count(),
        Note.select().count(),
    )


def test_files_that_are_no_annotation_file_are_refused_with_nothing_written(lib, monkeypatch) -> None:
    annotations, page = lib
    _refused(annotations, b"[" * 100_000 + b"]" * 100_000, "nested far too deeply")
    doc = annotation_on(annotations, page, "金融办", note="ok")
    raw = json.dumps({"type": "AnnotationPage", "items": [doc]})  # ASCII: \u escapes only
    _refused(
        annotations, raw.replace('"ok"', '"a\\ud800b"').encode(), "commenting text holds a lone surrogate"
    )
    quote = json.loads(raw)
    quote["items"][0]["target"]["selector"][0]["exact"] = "金\ud800"
    _refused(annotations, json.dumps(quote).encode(), r"annotation 1: its quoted text holds a lone surrogate")
    far = json.loads(raw)
    far["items"][0]["target"]["selector"][1]["start"] = 10**30
    far["items"][0]["target"]["selector"][1]["end"] = 10**30 + 3
    _refused(annotations, json.dumps(far).encode(), "beyond any text")
    monkeypatch.setattr(exchange_reading, "MAX_ANNOTATIONS", 2)
    _refused(annotations, as_file(*[json.loads(raw)["items"][0]] * 3), "more than one import takes")
