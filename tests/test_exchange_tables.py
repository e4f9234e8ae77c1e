"""CSV (opens in Excel: UTF-8 with BOM) and Markdown exports, and the export/import commands."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, ROOT, library_with, mark, sample_text
from conftest import db_arg

pytestmark = pytest.mark.engines


@pytest.fixture()
def library_file(tmp_path: Path) -> str:
    """The library's --db: a file, or its server URL on postgresql runs."""
    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    sample, astral = (annotations.open_page(p) for p in page_ids)
    mark(
        annotations,
        sample,
        "近学许昌、远学扬州",
        "要点",
        tags=["活动", "口号"],
        note="全区的口号\n第二行 *不是强调*",
    )
    mark(annotations, sample, "金融办", "生词")
    mark(annotations, astral, "𠀀家庄", "地名", tags=["村"])
    mark(annotations, astral, "高质量发展", "要点")
    annotations.library.close()
    return db_arg(tmp_path / "library.sqlite3")


def dubao(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, cwd=ROOT, timeout=60
    )


def test_csv_starts_with_a_bom_and_reads_back_every_highlight(library_file: str, tmp_path: Path) -> None:
    out = tmp_path / "marks.csv"
    done = dubao("export", "--format", "csv", "--db", str(library_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4
    by_quote = {r["quote"]: r for r in rows}
    assert by_quote["𠀀家庄"]["category"] == "地名" and by_quote["𠀀家庄"]["tags"] == "村"
    assert int(by_quote["𠀀家庄"]["end"]) - int(by_quote["𠀀家庄"]["start"]) == 3
    assert by_quote["近学许昌、远学扬州"]["tags"] == "口号; 活动"
    assert by_quote["近学许昌、远学扬州"]["note"] == "全区的口号\n第二行 *不是强调*"
    assert all(r["id"].startswith("urn:uuid:") and r["anchored"] == "yes" for r in rows)


def test_markdown_groups_highlights_under_their_sections(library_file: str) -> None:
    done = dubao("export", "--format", "md", "--db", str(library_file))
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert sum(1 for line in lines if line.startswith("## ")) == 2  # two pages
    headings = [i for i, line in enumerate(lines) if line.startswith("### ")]
    assert len(headings) >= 3
    quote_line = lines.index("- > 𠀀家庄")
    assert lines[quote_line + 1] == "  **地名** · `村`"
    # the section heading above it is the astral article's
    assert "𠀀城新闻" in lines[max(i for i in headings if i < quote_line)]
    assert "  第二行 \\*不是强调\\*" in lines  # the note is shown as typed, not as emphasis


def test_w3c_export_then_import_through_the_commands(library_file: str, tmp_path: Path) -> None:
    out = tmp_path / "marks.jsonld"
    assert dubao("export", "--format", "w3c", "--db", str(library_file), "-o", str(out)).returncode == 0
    assert json.loads(out.read_bytes())["total"] == 4
    done = dubao("import-annotations", str(out), "--db", str(library_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "added 0, merged 4, unanchored 0"
    issue = dubao("export", "--format", "w3c", "--issue", "1", "--db", str(library_file))
    assert json.loads(issue.stdout)["total"] == 4


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "w3c", "--db", "{missing}"),
        ("export", "--format", "w3c", "--issue", "77", "--db", "{db}"),
        ("import-annotations", "{missing}", "--db", "{db}"),
        ("import-annotations", "{garbage}", "--db", "{db}"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args, library_file: str, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\x01 not json")
    filled = [a.format(missing=tmp_path / "nope", db=library_file, garbage=garbage) for a in args]
    done = dubao(*filled)
    assert done.returncode == 2
    assert len(done.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in done.stderr
