"""Two people on one library, each with their own connection (issue 13's several-writer tests).

The fixtures ``two_editors`` and ``two_annotators`` (tests/conftest.py) open them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotation_pages import library_with, locate, sample_text
from proofreading_pages import TWO_ARTICLES, library_with_pages

from models.annotations.service import Annotations
from models.library.service import Library


def open_two_editors(folder: Path) -> Iterator[tuple[Library, Library, int]]:
    """王 and 李 on one page of one library (王 made it), closed after the test."""
    wang, [page_id] = library_with_pages(folder, ("p1.txt", TWO_ARTICLES))
    li = Library.open(wang.path)
    wang.preferred_author, li.preferred_author = "王编辑", "李编辑"
    yield wang, li, page_id
    li.close()
    wang.close()


def open_two_annotators(folder: Path) -> Iterator[tuple[Annotations, Annotations, int]]:
    """王 and 李 annotating the sample page of one library, closed after the test."""
    wang, [page_id] = library_with(folder, ("p1.txt", sample_text()))
    li = Annotations(Library.open(wang.library.path))
    wang.library.preferred_author, li.library.preferred_author = "王", "李"
    yield wang, li, page_id
    li.library.close()
    wang.library.close()


def highlight(annotations: Annotations, page_id: int, words: str = "示范区"):
    """A highlight of ``words`` in the first category, with the note 原注."""
    page = annotations.open_page(page_id)
    section, start, end = locate(page, words)
    category = annotations.categories()[0]
    return annotations.create(page, section, start, end, category.id, note="原注")
