"""``main.py pinyin``: the contract the held-out scorers call."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def run_pinyin(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "main.py", "pinyin", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120
    )


def test_one_json_array_per_stdin_line_one_entry_per_code_point() -> None:
    lines = ["银行行长来了。", "", "abc 123", "𠀀字", "重庆"]
    out = run_pinyin(stdin=("\n".join(lines) + "\n").encode("utf-8"))
    assert out.returncode == 0, out.stderr
    printed = out.stdout.decode("utf-8").splitlines()
    assert len(printed) == len(lines)
    arrays = [json.loads(p) for p in printed]
    for line, array in zip(lines, arrays):
        assert len(array) == len(line)
    assert arrays[0][:4] == ["yín", "háng", "háng", "zhǎng"]
    assert arrays[1] == []
    assert arrays[2] == [None] * 7
    assert arrays[3][1] == "zì"
    assert arrays[4] == ["chóng", "qìng"]
    # Tone marks are written as UTF-8, not as \\u escapes.
    assert "háng".encode() in out.stdout


def test_text_argument_gives_the_same_array() -> None:
    out = run_pinyin("绿色的地方")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.decode("utf-8")) == ["lǜ", "sè", "de", "dì", "fāng"]


def test_input_that_is_not_utf8_is_one_line_on_stderr_and_exit_2() -> None:
    out = run_pinyin(stdin="银行".encode("gbk") + b"\n")
    assert out.returncode == 2
    assert len(out.stderr.decode("utf-8").strip().splitlines()) == 1
    assert b"Traceback" not in out.stderr


def test_a_long_line_is_read_as_its_sentences_are() -> None:
    """A page run into one line (50,000 characters, past the 20,000 once refused) is read, and
    each of its sentences reads as it does alone."""
    sentence = "重庆的银行行长说，我们要重视质量。"
    alone = run_pinyin(stdin=(sentence + "\n").encode())
    times = 50_000 // len(sentence) + 1
    long = run_pinyin(stdin=(sentence * times + "\n").encode())
    assert alone.returncode == 0 and long.returncode == 0, long.stderr
    assert json.loads(long.stdout) == json.loads(alone.stdout) * times


def test_a_line_over_the_ceiling_is_refused_in_one_line() -> None:
    """On stdin, without being read whole (a 50 MB line)."""
    from models.commands import MAX_LINE_CHARS

    long_line = "中" * (MAX_LINE_CHARS + 1)
    for result, where in (
        (run_pinyin(stdin=("重庆\n" + long_line + "\n").encode()), "line 2"),
        (run_pinyin(stdin=b"x" * (50 * 1024 * 1024)), "line 1"),
    ):
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, err
        assert err.splitlines() == [
            f"dubao pinyin: {where} is over the {MAX_LINE_CHARS:,}-character limit for one line: "
            "give the text with its line breaks"
        ]
