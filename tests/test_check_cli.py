"""``main.py check``: the contract the held-out scorers call."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def run_check(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "main.py", "check", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=300
    )


def test_one_array_per_line_empty_lines_crlf_and_code_point_offsets() -> None:
    lines = ["他说,我们走吧", "", "𠀀𠀀他说,好", "他说,我们走吧\r", "今天天气很好。"]
    out = run_check(stdin=("\n".join(lines) + "\n").encode("utf-8"))
    assert out.returncode == 0, out.stderr
    printed = [json.loads(p) for p in out.stdout.decode("utf-8").split("\n")[:-1]]
    assert len(printed) == len(lines)
    comma = {"start": 2, "end": 3, "suggestion": "，", "kind": "punctuation"}
    assert comma in printed[0]
    assert printed[1] == []
    # 𠀀 is one code point (two UTF-16 units): the comma is at 4
    assert {"start": 4, "end": 5, "suggestion": "，", "kind": "punctuation"} in printed[2]
    # the trailing \r is dropped, not checked as part of the line
    assert printed[3] == printed[0]
    assert printed[4] == []


def test_a_line_without_newline_at_the_end_is_checked() -> None:
    out = run_check(stdin="好的,走吧".encode())
    assert out.returncode == 0, out.stderr
    assert [json.loads(p) for p in out.stdout.decode("utf-8").splitlines()] == [
        [{"start": 2, "end": 3, "suggestion": "，", "kind": "punctuation"}]
    ]


def test_undecodable_stdin_is_one_line_on_stderr_and_exit_2() -> None:
    out = run_check(stdin="好的,走吧\n".encode() + b"\xff\xfe\x80abc\n")
    assert out.returncode == 2
    assert out.stdout == b""
    assert len(out.stderr.decode("utf-8").strip().splitlines()) == 1
    assert b"Traceback" not in out.stderr


def test_db_that_does_not_exist_is_exit_2(tmp_path) -> None:
    out = run_check("--db", str(tmp_path / "missing.sqlite3"), stdin="好的\n".encode())
    assert out.returncode == 2
    assert len(out.stderr.decode("utf-8").strip().splitlines()) == 1


def test_db_word_list_and_dismissals_change_the_flags(tmp_path) -> None:
    from models.library.service import Library

    db = tmp_path / "library.sqlite3"
    page = tmp_path / "page.txt"
    page.write_text("他说,我们走吧\n", encoding="utf-8")
    with Library.open(db) as library:
        library.import_paths([page])
        [issue] = library.issues()
        [info] = library.pages(issue.id)
        library.dismiss_flag(info.id, 2, 3, "punctuation", ",")
    line = "他说,我们走吧\n".encode()
    plain = json.loads(run_check(stdin=line).stdout)
    taught = run_check("--db", str(db), stdin=line)
    assert taught.returncode == 0, taught.stderr
    assert plain and json.loads(taught.stdout) == []


def test_a_page_run_into_one_line_is_checked_as_its_lines_are() -> None:
    """A page whose line ends were lost (30,000 characters, past the 20,000 once refused) is
    checked: its flags are its sentences' flags offset into the line (it is checked in pieces
    cut at sentence ends)."""
    sentences = ["他说,我们走吧。", "今天天气很好。", "服路员说,好的！"]
    line = "".join(sentences) * (30_000 // len("".join(sentences)) + 1)
    result = run_check(stdin=("春耕时节\n" + "".join(sentences) + "\n" + line + "\n").encode())
    assert result.returncode == 0, result.stderr
    short, whole, long = [json.loads(p) for p in result.stdout.decode("utf-8").splitlines()[:3]]
    assert short == [] and whole
    period = len("".join(sentences))
    expected = [
        {**flag, "start": flag["start"] + k * period, "end": flag["end"] + k * period}
        for k in range(len(line) // period)
        for flag in whole
    ]
    assert long == expected and long[-1]["start"] > 29_000


def test_a_line_over_the_ceiling_is_refused_before_any_output() -> None:
    """Only a line past the generous ceiling (where memory would run away) is refused, in one
    line, and nothing is printed for the lines before it (all or nothing)."""
    from models.commands import MAX_LINE_CHARS

    stdin = "春耕时节\n".encode() + ("中" * (MAX_LINE_CHARS + 1) + "\n").encode()
    result = run_check(stdin=stdin)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode("utf-8").splitlines() == [
        f"dubao check: line 2 is over the {MAX_LINE_CHARS:,}-character limit for one line: "
        "give the text with its line breaks"
    ]
