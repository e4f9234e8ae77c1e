"""``main.py search`` and ``main.py library list``, and the ids ``import`` prints: what a script sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from models.annotations.texts import section_text
from models.library.service import Library

PAGE = "扎实抓好春季农业生产\n\n立春时节，各地春耕备耕正有序\n开展。春耕是农业的大事。\n"


def _main(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, timeout=120
    )


def _lines(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A library of two issues imported through the CLI, and the ids ``import`` printed."""
    root = tmp_path_factory.mktemp("cli")
    db = root / "lib.sqlite3"
    added: dict[str, list[int]] = {"issues": [], "pages": []}
    for folder_name, pages in (("2020-02-12", 2), ("2020-02-13", 1)):
        folder = root / folder_name
        folder.mkdir()
        for number in range(1, pages + 1):
            (folder / f"p{number}.txt").write_text(
                f"{PAGE}{folder_name}第{number}版的春耕。\n", encoding="utf-8"
            )
        result = _main("import", str(folder), "--db", str(db))
        summary, ids = result.stdout.decode("utf-8").splitlines()
        assert summary.startswith(f"imported {pages} page")
        for name, values in json.loads(ids).items():
            added[name] += values
    return db, added


def test_import_prints_the_ids_it_added_and_library_list_names_them(imported: tuple[Path, dict]) -> None:
    db, added = imported
    listed = _lines(_main("library", "list", "--db", str(db)))
    assert [issue["id"] for issue in listed] == added["issues"]
    assert [page["id"] for issue in listed for page in issue["pages"]] == added["pages"]
    assert [issue["date"] for issue in listed] == ["2020-02-12", "2020-02-13"]
    assert [[page["name"] for page in issue["pages"]] for issue in listed] == [["p1", "p2"], ["p1"]]
    assert set(listed[0]) == {"id", "paper", "date", "title", "pages"}


def test_search_prints_every_hit_as_json_sorted_with_offsets_into_the_section_text(
    imported: tuple[Path, dict],
) -> None:
    db, added = imported
    hits = _lines(_main("search", "春耕", "--db", str(db)))
    assert len(hits) == 3 * len(added["pages"])
    assert all(set(hit) == {"issue", "page", "section", "start", "end", "context"} for hit in hits)
    keys = [(h["issue"], h["page"], h["section"], h["start"]) for h in hits]
    assert keys == sorted(keys)
    assert {h["page"] for h in hits} == set(added["pages"])
    with Library.open(db) as library:
        for hit in hits:
            text = section_text(library.page(hit["page"]).current_sections[hit["section"]])
            assert text[hit["start"] : hit["end"]] == "春耕"
            assert "春耕" in hit["context"]
            assert library.page_info(hit["page"]).issue_id == hit["issue"]


def test_limit_keeps_the_first_hits_and_issue_keeps_to_one_issue(imported: tuple[Path, dict]) -> None:
    db, added = imported
    every = _lines(_main("search", "的", "--db", str(db)))
    assert len(every) > 4
    assert _lines(_main("search", "的", "--db", str(db), "--limit", "4")) == every[:4]
    last_issue = added["issues"][-1]
    only = _lines(_main("search", "的", "--db", str(db), "--issue", str(last_issue)))
    assert only == [h for h in every if h["issue"] == last_issue] and only


def test_raw_search_counts_in_the_raw_text_with_no_section(imported: tuple[Path, dict]) -> None:
    db, _ = imported
    hits = _lines(_main("search", "有序开展", "--db", str(db), "--raw"))
    assert hits == []  # the OCR broke the line inside it; the current text is reflowed
    hits = _lines(_main("search", "春耕", "--db", str(db), "--raw"))
    with Library.open(db) as library:
        for hit in hits:
            assert hit["section"] is None
            assert library.page(hit["page"]).raw[hit["start"] : hit["end"]] == "春耕"
    current = _lines(_main("search", "有序开展", "--db", str(db)))
    assert len(current) == 3


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_one_line_on_stderr_and_exit_2(imported: tuple[Path, dict], query: str) -> None:
    db, _ = imported
    result = _main("search", query, "--db", str(db))
    assert result.returncode == 2 and result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert message.count("\n") == 1 and message.startswith("dubao search: ") and "Traceback" not in message


@pytest.mark.parametrize("command", [("search", "春耕"), ("library", "list")])
def test_a_missing_library_is_one_line_and_exit_2_and_no_file_is_made(tmp_path: Path, command) -> None:
    db = tmp_path / "none.sqlite3"
    result = _main(*command, "--db", str(db))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode("utf-8").count("\n") == 1 and str(db) in result.stderr.decode("utf-8")
    assert list(tmp_path.iterdir()) == []
