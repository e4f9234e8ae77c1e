"""Dubao (读报): a reader and annotator for OCR'd Chinese newspaper pages.

With no subcommand, opens the window (on the bundled sample page, or on FILE).
Subcommands run headless and print to stdout; bad input gets one line on stderr
and exit code 2.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # argparse loads only when a command or an unusual start needs its parser
    import argparse

#: Subcommand name -> module under models.commands that registers and runs it.
COMMANDS = {
    "parse": "parse",
    "import": "library",
    "library": "library",
    "search": "search",
    "pinyin": "pinyin",
    "anchor": "anchor",
    "export": "annotations",
    "import-annotations": "annotations",
    "correct": "proofreading",
    "check": "check",
}


#: Arguments that are text (not file names): their value goes into the library or a query.
TEXT_ARGUMENTS = {
    "query": "QUERY",
    "old": "OLD",
    "new": "NEW",
    "author": "--author",
    "editor": "EDITOR",
    "text": "TEXT",
}


def _parser(**kwargs: object) -> argparse.ArgumentParser:
    """The commands' parser: bad arguments are told in one line on stderr with exit code 2, as
    all bad input is (argparse's usage block before the message made it three)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")

    return _Parser(**kwargs)  # type: ignore[arg-type]


def _not_text(args: argparse.Namespace) -> str | None:
    """The first text argument holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no library, query or JSON line can hold), else None."""
    for dest, name in TEXT_ARGUMENTS.items():
        value = getattr(args, dest, None)
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            return name
    return None


def _cli(argv: Sequence[str]) -> int:
    from models.errors import DubaoError

    parser = _parser(prog="dubao", description="Dubao's headless commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    # Import only the module the command needs: each keeps its heavy imports inside run().
    wanted = [COMMANDS[argv[0]]] if argv and argv[0] in COMMANDS else COMMANDS.values()
    for module_name in dict.fromkeys(wanted):
        importlib.import_module(f"models.commands.{module_name}").register(sub)
    args = parser.parse_args(argv)
    # "dubao library list: …", as argparse names it in its own errors (it was "dubao library").
    name = " ".join(filter(None, (args.command, getattr(args, "action", None))))
    bad = _not_text(args)
    if bad is not None:
        print(f"dubao {name}: {bad} is not UTF-8 text: give it in UTF-8", file=sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except DubaoError as exc:
        print(f"dubao {name}: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of stdout went away (``dubao parse FILE | head``): stop quietly, as cat does.
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        # Ctrl+C: said (exit 130 alone left a script's log blank); every write is a transaction,
        # so the one under way was rolled back (an import keeps none of its pages).
        print(f"dubao {name}: interrupted (Ctrl+C); what was not finished was not saved", file=sys.stderr)
        return 130


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n")) or type(exc).__name__


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _gui(argv: Sequence[str]) -> int:
    from ui.common import collector

    collector.hold()  # until the start page is painted (ui.shell.app.run_app lets it collect again)
    try:
        args = _plain_gui_arguments(argv) or _gui_parser().parse_args(argv)
        if args.file is not None:
            # A missing file, a loop or a FIFO is told here, in one line, before any window opens.
            from models.errors import DubaoError
            from models.input_files import check_input

            try:
                check_input(args.file, folder_ok=True)
            except DubaoError as exc:
                print(f"dubao: {_one_line(exc)}", file=sys.stderr)
                return 2
        from ui.shell.app import run_app

        return run_app(file=args.file, db=args.db, screenshot=args.screenshot)
    finally:
        collector.release()  # whatever ended it (a bad FILE, --help, a failure): the caller's process collects again


def _gui_parser() -> argparse.ArgumentParser:
    parser = _parser(prog="dubao", description="Open Dubao's window.")
    parser.add_argument("file", nargs="?", help="a page file or a folder (an issue) to open")
    parser.add_argument(
        "--db", help="library file or postgresql://user@host/dbname (default: a file in the app-data folder)"
    )
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    return parser


def _plain_gui_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The usual starts, read as the parser reads them: nothing, a FILE, or ``--db LIBRARY``
    (none of them starting with "-"); None for anything else, which the parser reads. Making the
    parser costs 5-9 ms of a start-up's CPU (its messages' translations, the terminal's width),
    importing argparse (and gettext) ~2 ms more."""
    if not argv:
        return SimpleNamespace(file=None, db=None, screenshot=None)
    if len(argv) == 1 and not argv[0].startswith("-"):
        return SimpleNamespace(file=argv[0], db=None, screenshot=None)
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return SimpleNamespace(file=None, db=argv[1], screenshot=None)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return _cli(argv)
    return _gui(argv)


if __name__ == "__main__":
    sys.exit(main())
