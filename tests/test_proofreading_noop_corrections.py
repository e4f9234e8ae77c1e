"""Corrections that put back what the OCR read ("田 → 田"), left in libraries by versions before
the window stopped writing them, are read as if they were not there: no mark, no history line,
nothing exported, nothing counted."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, library_with_pages

from models.library.corrections import Edit, corrected_raw, without_noops
from models.library.service import Library
from models.proofreading.exchange import correction_annotations
from models.proofreading.export import tei_export, text_export

ASTRAL = TWO_ARTICLES.replace("狠抓", "𠀀狠抓")


def _old_library(tmp_path: Path) -> tuple[Path, int, str]:
    """A library as an older version left it: a no-op correction on 狠 (after an astral
    character, so code points and UTF-16 differ) and a real one on 总体 → 整体."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", ASTRAL))
    raw = library.page(page_id).raw
    path = library.path
    library.close()
    noop = raw.index("狠抓")
    real = raw.index("总体")
    with sqlite3.connect(path) as conn:
        for start, end, text, uid in ((noop, noop + 1, "狠", "u-noop"), (real, real + 1, "整", "u-real")):
            conn.execute(
                'INSERT INTO "correction" ("page_id", "raw_start", "raw_end", "replacement", "author",'
                ' "created", "state", "uuid", "page_version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
                (page_id, start, end, text, "old editor", "2026-01-02 03:04:05", "in_force", uid),
            )
    return Path(path), page_id, raw


class Row(NamedTuple):
    raw_start: int
    raw_end: int
    replacement: str
    state: str = "in_force"


def _kept(raw: str, rows: list[Row]) -> list[str]:
    return [r.replacement for r in without_noops(raw, rows)]


def test_a_no_op_is_left_out_by_code_points() -> None:
    raw = "𠀀田地"
    assert _kept(raw, [Row(1, 2, "田"), Row(1, 2, "由"), Row(0, 1, "𠀀"), Row(1, 1, "x")]) == ["由", "x"]


def test_putting_back_the_ocr_over_an_older_correction_is_kept() -> None:
    """ "田 → 田" over an older "田 → 由" takes 由 back: leaving it out would bring 由 back."""
    raw = "𠀀田地"
    rows = [Row(1, 2, "由"), Row(1, 2, "田")]
    assert _kept(raw, rows) == ["由", "田"]
    # Over a reverted one it changes nothing and goes; a reverted no-op is a state kept for Reinstate.
    assert _kept(raw, [Row(1, 2, "由", "reverted"), Row(1, 2, "田")]) == ["由"]
    assert _kept(raw, [Row(1, 2, "田", "reverted")]) == ["田"]


_RAW = "𠀀田地人入"


@st.composite
def _rows(draw: st.DrawFn) -> list[Row]:
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(_RAW)))
        end = draw(st.integers(start, len(_RAW)))
        same = draw(st.booleans())
        text = (
            _RAW[start:end]
            if same
            else draw(st.text("田由人入𠀀", min_size=0 if end > start else 1, max_size=3))
        )
        rows.append(Row(start, end, text, draw(st.sampled_from(["in_force", "in_force", "reverted"]))))
    return rows


@given(_rows())
def test_leaving_out_the_no_ops_never_changes_the_text(rows: list[Row]) -> None:
    def text(chosen: list[Row]) -> str:
        return corrected_raw(
            _RAW, [Edit(r.raw_start, r.raw_end, r.replacement) for r in chosen if r.state == "in_force"]
        )

    assert text(without_noops(_RAW, rows)) == text(rows)


def test_a_no_op_correction_is_not_shown_listed_exported_or_counted(tmp_path: Path) -> None:
    path, page_id, raw = _old_library(tmp_path)
    library = Library.open(path)
    try:
        content = library.page(page_id)
        assert [c.replacement for c in content.corrections] == ["整"]
        assert [c.replacement for c in library.corrections_of(page_id)] == ["整"]
        # No dotted underline under 狠: the only corrected mark is 整.
        marks = library.corrected_marks(page_id)
        assert [(m.original, m.replacement) for m in marks] == [("总", "整")]
        # The page's history lists one correction, and the diff only that.
        history = [(e.old, e.new) for e in library.page_history(page_id) if e.what == "correction"]
        assert history == [("总", "整")]
        changes = [(op.old, op.new) for d in library.diff_raw(page_id) for op in d.ops if op.op != "equal"]
        assert changes == [("总", "整")]
        # Exports: one W3C editing annotation, one <choice> in TEI; the text reads 狠抓 as before.
        annotations = correction_annotations(library)
        assert [a["body"]["value"] for a in annotations] == ["整"]
        assert "u-noop" not in json.dumps(annotations)
        tei = tei_export(library)
        assert tei.count("<choice>") == 1 and "<sic>狠</sic>" not in tei
        assert "𠀀狠抓" in text_export(library) and "整体" in text_export(library)
        # The raw text is still as stored.
        assert library.page(page_id).raw == raw
    finally:
        library.close()
