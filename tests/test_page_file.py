"""Reading page files: encodings, line endings, and clear refusals."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from models.errors import PageFileError
from models.page_file import MAX_PAGE_BYTES, read_page_file, text_hash

PAGE = "本报讯 （记者郭树勋） 10 月 28\r\n日，示范区召开“近学许昌”大会。\r\n𠀀字也在。\n"
EXPECTED = PAGE.replace("\r\n", "\n")


GBK_PAGE = PAGE.replace("𠀀字也在。", "")  # GBK has no astral characters


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (PAGE.encode("utf-8"), EXPECTED),
        (codecs.BOM_UTF8 + PAGE.encode("utf-8"), EXPECTED),
        (PAGE.encode("utf-16"), EXPECTED),  # with BOM
        (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), EXPECTED),
        (PAGE.encode("gb18030"), EXPECTED),
        (GBK_PAGE.encode("gbk"), GBK_PAGE.replace("\r\n", "\n")),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoded: bytes, expected: str) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(encoded)
    page = read_page_file(f)
    assert page.raw == expected
    assert page.sha256 == text_hash(page.raw)


def test_lone_carriage_returns_become_line_feeds(tmp_path: Path) -> None:
    f = tmp_path / "mac.txt"
    f.write_bytes("第一行\r第二行\r".encode())
    assert read_page_file(f).raw == "第一行\n第二行\n"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (lambda p: p.write_bytes(b"   \n\n  "), "no text"),
        (lambda p: p.write_bytes(b"x" * (MAX_PAGE_BYTES + 1)), "limit"),
        (lambda p: p.mkdir(), "folder"),
        (lambda p: None, "no such file"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, make, reason: str) -> None:
    target = tmp_path / "bad.txt"
    make(target)
    with pytest.raises(PageFileError, match=reason):
        read_page_file(target)


def test_cli_refuses_bad_input_with_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = subprocess.run(
        [sys.executable, "main.py", "parse", str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "empty" in lines[0]
    assert "Traceback" not in out.stderr
