"""The window's usual arguments are read without making the argument parser (issue 11: it cost
5-9 ms of every start-up), exactly as the parser reads them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import main

WORDS = st.sampled_from(["--db", "--screenshot", "-h", "page.txt", "lib.sqlite3", "-x", "", "--db=x", "一"])


@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=3))
def test_what_is_read_without_the_parser_is_what_the_parser_reads(argv: list[str]) -> None:
    plain = main._plain_gui_arguments(argv)
    if plain is not None:
        assert vars(plain) == vars(main._gui_parser().parse_args(argv))


def test_the_usual_starts_skip_the_parser() -> None:
    assert vars(main._plain_gui_arguments([])) == {"file": None, "db": None, "screenshot": None}
    assert main._plain_gui_arguments(["--db", "lib.sqlite3"]).db == "lib.sqlite3"
    assert main._plain_gui_arguments(["issue/page-01.txt"]).file == "issue/page-01.txt"
    assert main._plain_gui_arguments(["--screenshot", "out.png"]) is None  # the parser reads it


def test_a_start_refused_before_the_window_leaves_garbage_collection_on(tmp_path, capsys) -> None:
    """Start-up pauses the collector until the page is painted; a start that ends before any
    window (a missing FILE) must not leave the caller's process without it."""
    from ui.common.collector import collecting

    assert collecting()
    assert main.main([str(tmp_path / "nowhere.txt")]) == 2
    assert "nowhere.txt" in capsys.readouterr().err
    assert collecting()


def test_bad_window_arguments_are_told_in_one_line(capsys) -> None:
    """Bad input to the CLI is one line on stderr and exit 2; the window's arguments too (argparse's
    usage block came before the message)."""
    import pytest

    for argv in (["--bogus"], ["a", "b", "c"], ["--db"]):
        with pytest.raises(SystemExit) as ended:
            main.main(argv)
        assert ended.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
