"""The OCR confusion table (what an OCR engine read for what): loading it, and the checker
offering a known confusion as its suggestion."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from models.errors import DubaoError
from models.proofreading.checker import Checker
from models.proofreading.language import Language, OcrConfusions, read_confusions
from models.resources import resource_path

TABLE = "ocr_confusions.tsv"


@pytest.fixture(scope="module")
def language() -> Language:
    return Language.bundled()


def _resources_with(tmp_path: Path, table: str | None) -> Path:
    """A copy of the bundled resources (linked) whose OCR confusion table is ``table`` (None: absent)."""
    root = tmp_path / "resources"
    root.mkdir()
    for entry in resource_path().iterdir():
        if entry.name != "proofreading":
            (root / entry.name).symlink_to(entry)
    folder = root / "proofreading"
    folder.mkdir()
    for entry in resource_path("proofreading").iterdir():
        if entry.name != TABLE:
            (folder / entry.name).symlink_to(entry)
    if table is not None:
        (folder / TABLE).write_text(table, encoding="utf-8")
    return root


def test_the_shipped_table_counts_confusions_and_right_readings(language) -> None:
    confusions = language.confusions
    assert len(confusions.wrong) > 100
    for read, rights in list(confusions.wrong.items())[:200]:
        # every character read wrongly also says how often it was read at all
        assert confusions.read[read] >= sum(rights.values())
        for right, count in rights.items():
            assert right != read and count > 0
            assert 0 < confusions.rate(read, right) <= 1


def test_a_table_is_read_with_its_rates(tmp_path) -> None:
    path = tmp_path / TABLE
    path.write_text("# comment\n未\t未\t6\n未\t末\t3\n未\t米\t1\n己\t已\t2\n", encoding="utf-8")
    table = read_confusions(path)
    assert table.count("未", "末") == 3 and table.count("末", "未") == 0
    assert table.rate("未", "末") == pytest.approx(0.3)
    assert table.rate("己", "已") == 1.0  # read twice, both times wrongly
    assert table.rate("人", "入") == 0.0


@pytest.mark.parametrize(
    "row",
    ["未\t末\n", "未\t末\tmany\n", "未来\t末\t3\n", "未\t末\t-1\n"],
    ids=["no count", "count not a number", "two characters", "negative count"],
)
def test_a_garbled_row_is_named_not_skipped(tmp_path, row) -> None:
    path = tmp_path / TABLE
    path.write_text("未\t未\t6\n" + row, encoding="utf-8")
    with pytest.raises(DubaoError, match=r"ocr_confusions\.tsv is damaged \(row 2"):
        read_confusions(path)


def test_a_missing_table_is_a_clear_error(tmp_path, monkeypatch) -> None:
    root = _resources_with(tmp_path, None)
    monkeypatch.setattr("models.proofreading.language.resource_path", lambda *p: root.joinpath(*p))
    with pytest.raises(DubaoError, match=r"ocr_confusions\.tsv cannot be read"):
        Language.bundled(cache_folder=tmp_path / "cache")


@pytest.mark.parametrize(
    ("table", "said"),
    [(None, "ocr_confusions.tsv cannot be read"), ("未\t末\tx\n", "ocr_confusions.tsv is damaged")],
    ids=["missing", "garbled"],
)
def test_check_with_a_broken_table_says_so_in_one_line(tmp_path, table, said) -> None:
    root = _resources_with(tmp_path, table)
    code = (
        "import sys, pathlib, models.resources as r\n"
        f"r.resources_root = lambda: pathlib.Path({str(root)!r})\n"
        "import main\n"
        "sys.exit(main._cli(['check']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        input="他已经进人了会场。\n".encode(),
        capture_output=True,
        timeout=300,
    )
    err = out.stderr.decode("utf-8")
    assert out.returncode == 2, err
    assert b"Traceback" not in out.stderr
    assert len(err.strip().splitlines()) == 1 and said in err


def test_a_known_ocr_confusion_is_offered_where_no_lookalike_is(language) -> None:
    """路 is no glyph look-alike of 务; once an OCR engine is known to read 务 as 路, the
    checker suggests 务 in 服路员, and without that it has no such suggestion to make."""
    clean = "公寓的服务员都是女的。"
    misread = clean.replace("务", "路")
    assert "务" not in language.lookalikes.get("路", {}) and "路" not in language.lookalikes.get("务", {})
    taught = Language(
        language.words,
        language.pairs,
        language.lookalikes,
        confusions=OcrConfusions({"路": {"务": 40}}, {"路": 400}),
    )
    untaught = Language(language.words, language.pairs, language.lookalikes, confusions=OcrConfusions({}, {}))
    flag = {f.start: f for f in Checker(taught).check(misread)}.get(4)
    assert flag is not None and (flag.end, flag.suggestion, flag.kind) == (5, "务", "lookalike")
    before = {f.start: f for f in Checker(untaught).check(misread)}.get(4)
    assert before is None or before.kind == "unknown"
    assert Checker(taught).check(clean) == []
