"""ui/ stays a stack of capability folders a newcomer can read from the bottom up.

Every module lives in a folder (common, reader, language, annotations, library, proofreading,
shell); no folder imports one that imports it back, no two modules import each other (not even
for type hints or inside a function), and no module in ui/ runs SQL: the UI reaches the library
through the core's service layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

UI = ROOT / "ui"
#: Imports that would let a UI module talk to the database itself.
SQL_MODULES = ("peewee", "playhouse", "sqlite3", "apsw", "models.library.schema")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """Every module a file imports, wherever the import stands (top level, a function, TYPE_CHECKING)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from ui.common import theme`` imports the module ui.common.theme
            found.update(f"{module}.{a.name}" for a in node.names if _is_module(f"{module}.{a.name}"))
    return found


def _ui_modules() -> dict[str, set[str]]:
    """Each module under ui/ and every module it imports."""
    return {_module_name(p): _imports(p) for p in sorted(UI.rglob("*.py"))}


def _ui_graph() -> dict[str, set[str]]:
    """Module → the ui modules it imports (packages count as their __init__)."""
    modules = _ui_modules()
    return {m: {i for i in imported if i in modules and i != m} for m, imported in modules.items()}


def _folder(module: str) -> str:
    """ui.language.word_popup → ui.language; ui → ui."""
    return ".".join(module.split(".")[:2])


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of the graph as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_cycle_finder_finds_a_circle_and_only_a_circle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_import_graph_sees_type_only_and_function_level_imports():
    graph = _ui_graph()
    # capabilities imports language_help inside build() (after the first paint) ...
    assert "ui.language.language_help" in graph["ui.shell.capabilities"]
    # ... and highlight_session names AnnotationsPanel under TYPE_CHECKING only.
    assert "ui.annotations.annotations_panel" in graph["ui.annotations.highlight_session"]


def test_every_ui_module_lives_in_a_capability_folder():
    loose = [p.name for p in UI.glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"put these in a folder of ui/: {loose}"
    folders = {p.parent.name for p in UI.glob("*/*.py")}
    assert {"common", "reader", "language", "annotations", "library", "proofreading", "shell"} <= folders
    assert all((UI / f / "__init__.py").is_file() for f in folders)


def test_no_import_circle_between_ui_folders():
    folders: dict[str, set[str]] = {}
    for module, imported in _ui_graph().items():
        edges = folders.setdefault(_folder(module), set())
        edges.update(_folder(i) for i in imported if _folder(i) != _folder(module))
    assert _cycle(folders) is None, " → ".join(_cycle(folders) or [])


def test_no_import_circle_between_ui_modules():
    graph = _ui_graph()
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_no_module_in_ui_runs_sql():
    offenders = sorted(
        f"{module} imports {name}"
        for module, imported in _ui_modules().items()
        for name in imported
        if any(name == sql or name.startswith(sql + ".") for sql in SQL_MODULES)
    )
    assert not offenders, offenders
