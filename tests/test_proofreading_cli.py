"""``correct``, ``export --format text|tei`` and corrections in W3C files, as the CLI contracts say."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

import main
from models.library.service import Library

ROOT = Path(__file__).resolve().parent.parent
#: A second page: an OCR line break inside 农资 (农\n资), and an astral character.
SECOND = """𠀀城日报

    本报讯 记者报道，全区农
资储备充足，农资价格稳定。
"""


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    library, _ = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    library.close()
    return tmp_path / "library.sqlite3"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_correct_replaces_every_occurrence_as_one_batch(db: Path, capsys) -> None:
    code, out, err = run(capsys, "correct", "农资", "农用物资", "--db", str(db), "--author", "王编辑")
    assert code == 0, err
    assert json.loads(out) == {"corrected": 5, "pages": 2}
    with Library.open(db) as library:
        [p1, p2] = [p.id for p in library.pages(library.issues()[0].id)]
        assert "全区农用物资储备" in texts(library, p2)[1]  # the one the OCR split over a line break
        batches = {e.batch_id for p in (p1, p2) for e in library.page_history(p)}
        assert len(batches) == 1
        assert {e.author for p in (p1, p2) for e in library.page_history(p)} == {"王编辑"}
    # Again: nothing left to correct.
    code, out, _ = run(capsys, "correct", "农资", "农用物资", "--db", str(db))
    assert json.loads(out) == {"corrected": 0, "pages": 0}


def test_correct_dry_run_prints_hits_like_search_and_writes_nothing(db: Path, capsys) -> None:
    with Library.open(db) as library:
        issue = library.issues()[0].id
        p1, p2 = [p.id for p in library.pages(issue)]
        library.correct(p1, *find(library, p1, "农资供应"), "农资供给")  # by hand: skipped
    code, out, _ = run(capsys, "correct", "农资", "", "--db", str(db), "--dry-run", "--issue", str(issue))
    assert code == 0
    hits = [json.loads(line) for line in out.splitlines()]
    assert len(hits) == 4
    assert [list(h) for h in hits] == [["issue", "page", "section", "start", "end", "context"]] * 4
    assert hits == sorted(hits, key=lambda h: (h["issue"], h["page"], h["section"], h["start"]))
    with Library.open(db) as library:
        for h in hits:
            assert texts(library, h["page"])[h["section"]][h["start"] : h["end"]] == "农资"
            assert "农资" in h["context"]
        assert len(library.page_history(p1)) == 1 and library.page_history(p2) == []


def test_correct_with_new_empty_deletes(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "correct", "𠀀城", "", "--db", str(db))
    assert json.loads(out) == {"corrected": 1, "pages": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("correct", "", "x"), "empty"),
        (("correct", "农资", "x", "--db", "missing.sqlite3"), "no such library"),
        (("correct", "农资", "x", "--issue", "99"), "no issue 99"),
    ],
)
def test_correct_refuses_bad_input_with_one_line_and_exit_2(
    db: Path, tmp_path: Path, capsys, args, message
) -> None:
    if "--db" not in args:
        args = (*args, "--db", str(db))
    else:
        args = tuple(str(tmp_path / a) if a.endswith(".sqlite3") else a for a in args)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not (tmp_path / "missing.sqlite3").exists()  # a missing library is not created


@pytest.mark.parametrize("new", ["农用\n物资", "农用\r\n物资", "\n"])
@pytest.mark.parametrize("dry_run", [False, True])
def test_correct_refuses_a_line_break_in_new_and_the_text_reads_as_before(
    db: Path, capsys, new: str, dry_run: bool
) -> None:
    """A line break in NEW would put a paragraph break inside a correction: the export then
    showed paragraphs cut where the editor never split them. It is refused, written nowhere."""
    _, before, _ = run(capsys, "export", "--format", "text", "--db", str(db))
    args = ["correct", "农资", new, "--db", str(db)] + (["--dry-run"] if dry_run else [])
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "line break" in err
    _, after, _ = run(capsys, "export", "--format", "text", "--db", str(db))
    assert after == before and "农资" in after
    with Library.open(db) as library:
        assert all(not library.page_history(p.id) for i in library.issues() for p in library.pages(i.id))


def test_export_text_prints_each_page_with_its_sections_then_raw(db: Path, capsys, tmp_path: Path) -> None:
    with Library.open(db) as library:
        issue = library.issues()[0]
        p1, p2 = library.pages(issue.id)
        library.correct(p1.id, *find(library, p1.id, "狠抓"), "紧抓")
        expected = "".join(
            f"### {issue.label} / {page.name}\n" + "".join(t + "\n\n" for t in texts(library, page.id))
            for page in (p1, p2)
        )
    code, out, _ = run(capsys, "export", "--format", "text", "--db", str(db))
    assert code == 0 and out == expected
    assert "紧抓工作落实" in out and "狠抓" not in out
    target = tmp_path / "raw.txt"
    code, _, err = run(capsys, "export", "--format", "text", "--raw", "--db", str(db), "-o", str(target))
    assert err == f"2 pages written to {target}\n"
    raw = target.read_text(encoding="utf-8")
    assert raw == f"### {issue.label} / {p1.name}\n{TWO_ARTICLES}### {issue.label} / {p2.name}\n{SECOND}"
    # An export never overwrites a library.
    code, _, err = run(capsys, "export", "--format", "text", "--db", str(db), "-o", str(db))
    assert code == 2 and "library" in err


def test_an_export_of_one_page_says_one_page(tmp_path: Path, capsys) -> None:
    library, _ = library_with_pages(tmp_path, ("p.txt", SECOND))
    library.close()
    out = tmp_path / "one.xml"
    code, _, err = run(
        capsys, "export", "--format", "tei", "--db", str(tmp_path / "library.sqlite3"), "-o", str(out)
    )
    assert code == 0 and err == f"1 page written to {out}\n"


def test_export_tei_keeps_each_correction_visible_and_is_valid_xml(db: Path, capsys) -> None:
    with Library.open(db) as library:
        p1 = library.pages(library.issues()[0].id)[0].id
        library.correct(p1, *find(library, p1, "狠抓"), "紧<抓>&")
        library.correct(p1, *find(library, p1, "总体"), "")
    code, out, _ = run(capsys, "export", "--format", "tei", "--db", str(db))
    assert code == 0
    root = ET.fromstring(out.encode("utf-8"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    choices = [
        (c.findtext("t:sic", namespaces=ns), c.findtext("t:corr", namespaces=ns) or "")
        for c in root.iter("{http://www.tei-c.org/ns/1.0}choice")
    ]
    assert sorted(choices) == sorted([("狠抓", "紧<抓>&"), ("总体", "")])
    paragraphs = ["".join(p.itertext()) for p in root.iter("{http://www.tei-c.org/ns/1.0}p")]
    assert any("狠抓紧<抓>&工作落实" in p for p in paragraphs)  # sic then corr, in place


def dubao(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, cwd=ROOT, timeout=120
    )


def test_corrections_travel_in_w3c_and_come_back_without_duplicates(tmp_path: Path, capsys) -> None:
    # One library open at a time (the models bind to the library opened last).
    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    mine.correct(a1, *find(mine, a1, "狠抓"), "紧抓", author="甲")
    mine.correct(a1, *find(mine, a1, "示范区"), "示范园区", author="甲")
    mine_text = texts(mine, a1)
    mine.close()
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    theirs.correct(b1, *find(theirs, b1, "示范区"), "示范片区", author="乙")  # the same span, another text
    theirs.close()
    exported = tmp_path / "mine.json"
    code, _, err = run(
        capsys,
        "export",
        "--format",
        "w3c",
        "--db",
        str(tmp_path / "mine" / "library.sqlite3"),
        "-o",
        str(exported),
    )
    assert code == 0, err
    doc = json.loads(exported.read_text(encoding="utf-8"))
    edits = [a for a in doc["first"]["items"] if a["motivation"] == "editing"]
    assert len(edits) == 2
    one = next(a for a in edits if a["body"]["value"] == "紧抓")
    assert one["body"]["purpose"] == "editing" and one["creator"]["name"] == "甲" and one["created"]
    source = one["target"]["source"]
    assert source.startswith("urn:dubao:issue:") and source.endswith(":raw")
    quote, position = one["target"]["selector"]
    assert quote["exact"] == "狠抓" == TWO_ARTICLES[position["start"] : position["end"]]
    # Into the colleague's library: one applied, one conflicting (kept in history, theirs in force).
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(exported), "--db", theirs_db)
    assert code == 0, err
    assert out.strip().endswith("corrections applied 1, already here 0, conflicts 1")
    # Which one, on stderr (stdout keeps its one line): what the OCR read, both texts and authors.
    (line,) = [x for x in err.splitlines() if "示范区 →" in x]
    assert "p1" in line and "示范片区 (乙)" in line and "示范园区 (甲)" in line and "yours 示范片区" in line
    code, out, err = run(capsys, "import-annotations", str(exported), "--db", theirs_db)
    assert out.strip().endswith("corrections applied 0, already here 2, conflicts 0")
    assert "conflicts" not in err
    with Library.open(theirs_db) as library:
        history = library.page_history(b1)
        assert len(history) == 3
        assert sorted((e.new, e.state, e.author) for e in history) == [
            ("示范园区", "reverted", "甲"),
            ("示范片区", "in_force", "乙"),
            ("紧抓", "in_force", "甲"),
        ]
        # The editor prefers the colleague's: reinstating it sets the local one aside.
        conflict = next(e for e in history if e.new == "示范园区")
        library.reinstate_correction(conflict.id)
        assert texts(library, b1) == mine_text
    # Back into the library it came from: nothing new.
    code, out, _ = run(
        capsys, "import-annotations", str(exported), "--db", str(tmp_path / "mine" / "library.sqlite3")
    )
    assert out.strip().endswith("corrections applied 0, already here 2, conflicts 0")


def test_the_correct_command_runs_as_a_process(db: Path) -> None:
    done = dubao("correct", "农资", "农资X", "--db", str(db), "--dry-run")
    assert done.returncode == 0 and len(done.stdout.decode().splitlines()) == 5
    done = dubao("correct", "", "x", "--db", str(db))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1 and b"Traceback" not in done.stderr


def test_tei_shows_a_paragraph_deleted_whole_as_deleted(db: Path, capsys) -> None:
    with Library.open(db) as library:
        p1 = library.pages(library.issues()[0].id)[0].id
        section, start, end = find(library, p1, "各地还组织农技人员下乡，指导农民科学施肥用药。")
        library.correct(p1, section, start, end, "")  # the whole paragraph: its block is gone
        assert "各地还组织" not in texts(library, p1)[section]
    code, out, _ = run(capsys, "export", "--format", "tei", "--db", str(db))
    root = ET.fromstring(out.encode("utf-8"))
    sics = [
        c.findtext("{http://www.tei-c.org/ns/1.0}sic") or ""
        for c in root.iter("{http://www.tei-c.org/ns/1.0}choice")
    ]
    assert any("各地还组织农技人员下乡" in s for s in sics)


def test_structure_edits_travel_in_w3c_with_their_author_and_conflicts_reported(tmp_path: Path, capsys) -> None:
    """Editor A splits an article and makes a paragraph a byline; B, who had made the same
    paragraph a subheading, imports A's file: the split arrives (B's page reads as A's there),
    the role clash is reported with both, B's role stays in force, A's is in the history; a
    second import adds nothing. A reader of corrections alone never takes an edit for text."""
    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    section, at, _ = find(mine, a1, "农业农村部")
    mine.split_section(a1, section, at, author="甲")
    section, at, _ = find(mine, a1, "各地还组织")
    mine.set_role(a1, section, at, "byline", author="甲")
    mine_sections = texts(mine, a1)
    mine.close()
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    section, at, _ = find(theirs, b1, "各地还组织")
    theirs.set_role(b1, section, at, "subheading", author="乙")
    theirs.close()
    exported = tmp_path / "mine.json"
    mine_db = str(tmp_path / "mine" / "library.sqlite3")
    code, _, err = run(capsys, "export", "--format", "w3c", "--structure", "--db", mine_db, "-o", str(exported))
    assert code == 0, err
    items = json.loads(exported.read_text(encoding="utf-8"))["first"]["items"]
    structure = [a for a in items if a["motivation"] == "classifying"]
    assert len(structure) == 2 and all(a["creator"]["name"] == "甲" for a in structure)
    assert all(a["body"]["purpose"] != "editing" for a in structure)  # never read as replacement text
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(exported), "--db", theirs_db)
    assert code == 0, err
    assert "conflicts 1, structure edits applied 1, already here 0" in out
    (line,) = [x for x in err.splitlines() if "role" in x]
    assert "role subheading (乙)" in line and "role byline (甲)" in line
    with Library.open(theirs_db) as library:
        now = texts(library, b1)
        assert len(now) == len(mine_sections), (now, mine_sections)  # split as A split it
        assert "春耕时节" not in next(t for t in now if "农业农村部" in t)  # its own article now
        edits = sorted((e.kind, e.value, e.author, e.state) for e in library.structure_edits(b1))
        assert ("role", "byline", "甲", "reverted") in edits and ("role", "subheading", "乙", "in_force") in edits
        assert ("section", "yes", "甲", "in_force") in edits
    code, out, _ = run(capsys, "import-annotations", str(exported), "--db", theirs_db)
    assert "conflicts 0, structure edits applied 0, already here 2" in out
    with Library.open(theirs_db) as library:
        assert len(library.structure_edits(b1)) == 3


def _exported(capsys, db: str, path: Path, *options: str) -> list[dict]:
    code, _, err = run(capsys, "export", "--format", "w3c", *options, "--db", db, "-o", str(path))
    assert code == 0, err
    return json.loads(path.read_text(encoding="utf-8"))["first"]["items"]


def test_w3c_export_keeps_issue_8s_contract_and_structure_edits_come_only_when_asked(
    tmp_path: Path, capsys
) -> None:
    """Readers of issue 8's W3C file count on every editing annotation being a text correction
    (a TextualBody of purpose editing) and on as many of them as corrections: the default export
    holds highlights and corrections only, whatever structure edits the library has. With
    --structure the edits come too (not as editing annotations), and importing that file into a
    library of the same pages applies each once: the pages read as the exporter's."""
    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    mine.correct(a1, *find(mine, a1, "农资供应"), "农资供给", author="甲")
    section, at, _ = find(mine, a1, "农业农村部")
    mine.split_section(a1, section, at, author="甲")
    section, at, _ = find(mine, a1, "各地还组织")
    mine.set_role(a1, section, at, "byline", author="甲")
    mine_sections = texts(mine, a1)
    corrections = sum(len([c for c in mine.corrections_of(p) if c.in_force]) for p in [a1])
    mine.close()
    mine_db = str(tmp_path / "mine" / "library.sqlite3")
    plain = _exported(capsys, mine_db, tmp_path / "plain.jsonld")
    editing = [a for a in plain if a["motivation"] == "editing"]
    assert len(editing) == corrections == 1
    assert all(a["body"]["type"] == "TextualBody" and a["body"]["purpose"] == "editing" for a in editing)
    assert {a["motivation"] for a in plain} <= {"highlighting", "editing"}
    assert "structure" not in json.dumps(plain)
    full = _exported(capsys, mine_db, tmp_path / "full.jsonld", "--structure")
    assert [a for a in full if a["motivation"] == "editing"] == editing  # the corrections alone
    structure = [a for a in full if a not in editing]
    assert len(structure) == 2 and all(a["motivation"] == "classifying" for a in structure)
    code, _, err = run(capsys, "export", "--format", "csv", "--structure", "--db", mine_db)
    assert code == 2 and "--structure" in err
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    theirs.close()
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(tmp_path / "plain.jsonld"), "--db", theirs_db)
    assert code == 0, err
    with Library.open(theirs_db) as library:
        assert library.structure_edits(b1) == [] and len(texts(library, b1)) < len(mine_sections)
    for _ in range(2):  # the second time nothing is added
        code, out, err = run(capsys, "import-annotations", str(tmp_path / "full.jsonld"), "--db", theirs_db)
        assert code == 0, err
    assert "structure edits applied 0, already here 2" in out
    with Library.open(theirs_db) as library:
        assert texts(library, b1) == mine_sections
        assert len(library.structure_edits(b1)) == 2
        assert all(e.in_force and e.author == "甲" for e in library.structure_edits(b1))


def test_structure_edits_that_mean_nothing_here_are_skipped_on_import(tmp_path: Path, capsys) -> None:
    """A W3C file whose structure edits name a role or a section kind this version does not
    know (a hand-edited or foreign file) is imported with them skipped and counted: nothing is
    stored (TEI would write the bogus kind as the div's type), the pages still read, and the
    CLI answers with its summary, never a traceback."""
    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    section, at, _ = find(mine, a1, "各地还组织")
    mine.set_role(a1, section, at, "byline", author="甲")
    mine.set_section_kind(a1, 0, "caption", author="甲")
    mine.close()
    mine_db = str(tmp_path / "mine" / "library.sqlite3")
    items = _exported(capsys, mine_db, tmp_path / "full.jsonld", "--structure")
    edits = [a for a in items if a["motivation"] == "classifying"]
    assert sorted(json.loads(a["body"]["value"])["kind"] for a in edits) == ["role", "section_kind"]
    for annotation in edits:
        edit = json.loads(annotation["body"]["value"])
        edit["value"] = "xyz" if edit["kind"] == "role" else "bogus"
        annotation["body"]["value"] = json.dumps(edit)
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps(edits), encoding="utf-8")
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    before = texts(theirs, b1)
    theirs.close()
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(bad), "--db", theirs_db)
    assert code == 0, err
    assert "skipped 2" in out and "Traceback" not in err
    with Library.open(theirs_db) as library:
        assert library.structure_edits(b1) == []
        assert texts(library, b1) == before


def test_page_history_tells_an_imports_clash_by_its_step_not_by_the_clock(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """An import that ran long (each stored moment 10 s after the last) still shows the
    correction it set aside as clashed on import; an imported correction an editor here
    reverted right after the import reads plain reverted."""
    from datetime import timedelta

    import models.proofreading.desk as desk

    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    mine.correct(a1, *find(mine, a1, "农资供应"), "农资供给", author="甲")
    mine.correct(a1, *find(mine, a1, "各地还组织"), "各地组织", author="甲")
    mine.close()
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    theirs.correct(b1, *find(theirs, b1, "农资供应"), "农资供需", author="乙")
    theirs.close()
    exported = tmp_path / "mine.jsonld"
    _exported(capsys, str(tmp_path / "mine" / "library.sqlite3"), exported)
    clock = [desk.utc_now()]

    def slow_now():
        clock[0] += timedelta(seconds=10)
        return clock[0]

    monkeypatch.setattr(desk, "utc_now", slow_now)
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(exported), "--db", theirs_db)
    assert code == 0 and "corrections applied 1, already here 0, conflicts 1" in out, err
    monkeypatch.undo()
    with Library.open(theirs_db) as library:
        applied = next(c for c in library.corrections_of(b1) if c.replacement == "各地组织")
        library.revert_correction(applied.id)  # by an editor here, within a second of the import
        states = {e.new: (e.state, e.import_conflict) for e in library.page_history(b1)}
    assert states["农资供给"] == ("reverted", True)  # 甲's, set aside by the import
    assert states["各地组织"] == ("reverted", False)  # reverted here
    assert states["农资供需"] == ("in_force", False)


def test_a_structure_edit_nested_far_too_deeply_is_skipped_and_the_rest_applied(
    tmp_path: Path, capsys
) -> None:
    """A structure edit's value is JSON inside the annotation's JSON; one nested a hundred
    thousand deep stopped import-annotations with a RecursionError traceback (exit 1)."""
    mine, [a1, _] = library_with_pages(tmp_path / "mine", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    section, at, _ = find(mine, a1, "各地还组织")
    mine.set_role(a1, section, at, "byline", author="甲")
    mine.set_section_kind(a1, 0, "caption", author="甲")
    mine.close()
    items = _exported(
        capsys, str(tmp_path / "mine" / "library.sqlite3"), tmp_path / "full.jsonld", "--structure"
    )
    edits = [a for a in items if a["motivation"] == "classifying"]
    edits[0]["body"]["value"] = "[" * 100_000 + "]" * 100_000
    deep = tmp_path / "deep.jsonld"
    deep.write_text(json.dumps(edits), encoding="utf-8")
    theirs, [b1, _] = library_with_pages(tmp_path / "theirs", ("p1.txt", TWO_ARTICLES), ("p2.txt", SECOND))
    theirs.close()
    theirs_db = str(tmp_path / "theirs" / "library.sqlite3")
    code, out, err = run(capsys, "import-annotations", str(deep), "--db", theirs_db)
    assert code == 0, err
    assert "skipped 1" in out and "structure edits applied 1" in out
    with Library.open(theirs_db) as library:
        assert len(library.structure_edits(b1)) == 1
