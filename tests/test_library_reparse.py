"""Re-parsing library pages with a newer parser (issue 9): one page, an issue or the library.

What a user notices: after the re-parse the page shows the newer parser's reading, their
highlights are on the very words they marked (without the page being opened first), the
editors' corrections and structure edits still show, and the library says which parser made
each page. A cancel or a failure leaves pages whole.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from annotation_pages import library_with, mark, sample_text
from hypothesis import example, given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, find, texts

import models.parser
from models.annotations.service import Annotations
from models.library.reparsing import pages_in_scope, reparse_pages
from models.section import ParsedPage, Section
from models.text import MappedText

ROOT = Path(__file__).resolve().parent.parent
REAL_PARSE = models.parser.parse_page


def newer_parser(raw: str, how: str = "merge-reverse") -> ParsedPage:
    """A parser that reads pages differently from the one that stored them."""
    parsed = REAL_PARSE(raw)
    sections = list(parsed.sections)
    if how in ("merge", "merge-reverse"):  # each article's head and paragraphs read as one paragraph
        sections = [
            Section(kind=s.kind, paragraphs=[MappedText.join([*s.all_texts()])]) if s.all_texts() else s
            for s in sections
        ]
    if how in ("reverse", "merge-reverse"):
        sections = sections[::-1]
    if how == "headless":  # no headings found: every head line is body text
        sections = [Section(kind="other", paragraphs=s.all_texts()) for s in sections]
    return ParsedPage(raw, sections)


@pytest.fixture()
def newer(monkeypatch: pytest.MonkeyPatch):
    """Install the newer parser (and its version) the way a software update does."""

    def install(how: str = "merge-reverse") -> str:
        monkeypatch.setattr(models.parser, "parse_page", lambda raw: newer_parser(raw, how))
        monkeypatch.setattr(models.parser, "PARSER_VERSION", f"newer-{how}")
        return f"newer-{how}"

    return install


def placed_words(annotations: Annotations, page_id: int) -> dict[int, str]:
    """Each stored highlight's words in the page's current text, as stored (page not opened)."""
    content = annotations.library.page(page_id)
    from models.annotations.texts import section_text

    shown = [section_text(s) for s in content.current_sections]
    out = {}
    for h in annotations.page_highlights(page_id):
        assert h.anchored and h.section_id in content.section_ids, h
        out[h.id] = shown[content.section_ids.index(h.section_id)][h.start : h.end]
    return out


@pytest.fixture()
def annotated(tmp_path: Path):
    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()), ("two.txt", TWO_ARTICLES))
    yield annotations, page_ids
    annotations.library.close()


def test_a_reparse_keeps_highlights_corrections_and_structure_edits_and_records_the_version(
    annotated, newer
) -> None:
    annotations, (sample, two) = annotated
    library = annotations.library
    page = annotations.open_page(two)
    marks = [mark(annotations, page, w) for w in ("农资供应", "城乡一体化工作推进大会", "大家表示")]
    library.split_paragraph(two, *find(library, two, "保障春耕")[:2])
    library.set_section_kind(two, 1, "caption")
    library.correct(two, *find(library, two, "狠抓"), "紧抓")
    hard = mark(annotations, annotations.open_page(two), "紧抓工作落实")  # over the corrected word
    before = texts(library, two)
    version = newer()
    assert library.stale_pages() == sorted([sample, two])

    report = reparse_pages(library, pages_in_scope(library, issue_id=library.page_info(two).issue_id))

    assert sorted(report.page_ids) == sorted([sample, two]) and not report.failed
    now = texts(library, two)
    assert now != before  # the newer parser's reading shows ...
    assert "农资供应\n充足" not in "".join(now)
    assert any("不脱销，\n保障春耕生产" in t for t in now)  # ... with the editor's paragraph split
    assert [s.kind for s in library.page(two).sections].count("caption") == 1  # and section kind
    assert any("紧抓工作落实" in t for t in now)  # and the correction
    words = placed_words(annotations, two)
    assert [words[h.id] for h in marks] == ["农资供应", "城乡一体化工作推进大会", "大家表示"]
    assert words[hard.id] == "紧抓工作落实"
    assert {library.page_info(p).parser_version for p in (sample, two)} == {version}
    assert library.stale_pages() == []
    # Opening the page afterwards finds every highlight in place: nothing left to re-anchor.
    opened = annotations.open_page(two)
    assert not (opened.placing.moved or opened.placing.unanchored)


def test_only_pages_of_another_parser_are_reparsed_unless_all_are_asked_for(annotated, newer) -> None:
    annotations, (sample, two) = annotated
    library = annotations.library
    mark(annotations, annotations.open_page(two), "大家表示")
    newer()
    first = reparse_pages(library, pages_in_scope(library, page_id=two))
    assert first.reparsed[0].moved == 1  # the newer parser shows it elsewhere on the page
    assert first.page_ids == [two] and library.stale_pages() == [sample]
    again = reparse_pages(library, pages_in_scope(library))
    assert again.page_ids == [sample] and again.current == [two]
    forced = reparse_pages(library, pages_in_scope(library), every=True)
    assert sorted(forced.page_ids) == sorted([sample, two])
    # The same parser reads them the same: nothing changed, no highlight moved.
    assert not any(r.changed or r.moved for r in forced.reparsed)


def test_a_cancelled_reparse_leaves_the_pages_not_reached_as_they_were(annotated, newer) -> None:
    annotations, (sample, two) = annotated
    library = annotations.library
    old = library.page_info(sample).parser_version
    untouched = texts(library, two)
    newer()
    seen: list[int] = []

    def progress(done: int, total: int, page_id: int) -> bool:
        seen.append(page_id)
        return done < 1  # the user cancels while the first page is re-parsed

    report = reparse_pages(library, [sample, two], progress=progress)
    assert report.cancelled and report.page_ids == [sample] and report.not_done == [two]
    assert library.page_info(sample).parser_version != old
    assert library.page_info(two).parser_version == old and texts(library, two) == untouched


def test_a_page_whose_write_fails_is_reported_and_the_others_are_done(annotated, newer, monkeypatch) -> None:
    annotations, (sample, two) = annotated
    library = annotations.library
    untouched = texts(library, sample)
    newer()
    real = library.reparse

    def locked(page_id: int):
        if page_id == sample:
            raise sqlite3.OperationalError("database is locked")
        return real(page_id)

    monkeypatch.setattr(library, "reparse", locked)
    report = reparse_pages(library, [sample, two])
    assert report.page_ids == [two]
    assert [page for page, _ in report.failed] == [sample] and "locked" in report.failed[0][1]
    assert texts(library, sample) == untouched and library.stale_pages() == [sample]


@settings(max_examples=12, deadline=None)
@given(
    how=st.sampled_from(["merge", "reverse", "merge-reverse", "headless"]),
    seed=st.integers(0, 10_000),
    count=st.integers(1, 12),
)
# Found by hypothesis: a highlight from a headline printed after its article into the lead.
@example(how="merge", seed=1002, count=5)
# A highlight of nothing but a paragraph break has no words to keep: when the newer parser reads
# the break away it is listed as unanchored (never dropped), so the property leaves such out.
@example(how="merge", seed=136, count=4)
def test_every_highlight_keeps_its_words_whatever_the_newer_parser_reads(how, seed, count) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        annotations, [page_id] = library_with(Path(tmp), ("sample.txt", sample_text()))
        try:
            page = annotations.open_page(page_id)
            rng = random.Random(seed)
            cats = [c.id for c in annotations.categories()]
            made = []
            for _ in range(count):
                section = rng.randrange(len(page.texts))
                text = page.texts[section]
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randint(1, 12))
                if not text[start:end].strip():
                    continue
                made.append(annotations.create(page, section, start, end, rng.choice(cats)))
            # The same characters; a highlight over a paragraph break may find the break gone.
            wanted = {h.id: h.exact.replace("\n", "") for h in made}
            patch.setattr(models.parser, "parse_page", lambda raw: newer_parser(raw, how))
            patch.setattr(models.parser, "PARSER_VERSION", f"newer-{how}")
            report = reparse_pages(annotations.library, [page_id])
            assert report.page_ids == [page_id]
            words = placed_words(annotations, page_id)
            assert {i: w.replace("\n", "") for i, w in words.items()} == wanted
        finally:
            annotations.library.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "library", "reparse", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_cli_prints_a_json_summary_and_refuses_what_does_not_exist(tmp_path: Path) -> None:
    annotations, [page_id] = library_with(tmp_path, ("two.txt", TWO_ARTICLES))
    db = str(annotations.library.path)
    issue = annotations.library.page_info(page_id).issue_id
    annotations.library.close()

    current = _cli("--db", db)
    assert current.returncode == 0, current.stderr
    summary = json.loads(current.stdout.splitlines()[-1])
    assert summary["reparsed"] == [] and summary["current"] == [page_id]

    forced = _cli("--issue", str(issue), "--all", "--db", db)
    assert forced.returncode == 0
    assert json.loads(forced.stdout)["reparsed"] == [page_id]
    assert f"re-parsing page {page_id} (1/1)" in forced.stderr

    for bad in (["--issue", "999"], ["--page", "999"]):
        refused = _cli(*bad, "--db", db)
        assert refused.returncode == 2 and refused.stdout == ""
        assert len(refused.stderr.strip().splitlines()) == 1 and "999" in refused.stderr
    missing = _cli("--db", str(tmp_path / "no-such.sqlite3"))
    assert missing.returncode == 2 and not (tmp_path / "no-such.sqlite3").exists()
