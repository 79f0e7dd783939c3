"""The shape of the package, checked from its source: the core never reaches Qt, no module imports itself back, and
no core module grows past one job.

Both rules are read from each module's `import` statements with `ast`, without importing anything, so a breach fails
here, naming the file and line, before it becomes a slow start-up of the CLI or an ImportError that depends on which
module happened to be imported first.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "desktop" / "tarjama"
PACKAGE = "tarjama"
#: The Qt shell: the only part of the package allowed to import Qt (or anything of its own that does).
SHELL = f"{PACKAGE}.ui"
#: Top-level names that mean Qt: the bindings, and their helper library.
QT = frozenset({"PySide6", "shiboken6"})


@dataclass(frozen=True)
class Import:
    """One imported module as a statement names it, with where the statement is."""

    module: str
    line: int
    #: False for an import inside a function or lambda, which runs only when it is called.
    in_module_body: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(path): path for path in sorted(PACKAGE_ROOT.rglob("*.py"))}


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name a relative `from ... import` means (PEP 328)."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _imports_of(node: ast.AST, importer: str, is_package: bool, in_module_body: bool) -> Iterator[Import]:
    """Every import statement under `node`, wherever it stands: in the module body, a class, an `if` (`if
    TYPE_CHECKING:` included), a `try`, or a function."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import):
            for alias in child.names:
                yield Import(alias.name, child.lineno, in_module_body)
        elif isinstance(child, ast.ImportFrom):
            source = _absolute(child.module, child.level, importer, is_package)
            for alias in child.names:
                submodule = f"{source}.{alias.name}"
                # `from tarjama.formats import tmx` imports the module tarjama.formats.tmx; `... import read_tmx` a
                # name of tarjama.formats.
                yield Import(submodule if submodule in MODULES else source, child.lineno, in_module_body)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _imports_of(child, importer, is_package, in_module_body=False)
        else:
            yield from _imports_of(child, importer, is_package, in_module_body)


def imports(module: str) -> list[Import]:
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return list(_imports_of(tree, module, path.name == "__init__.py", in_module_body=True))


def in_shell(module: str) -> bool:
    return module == SHELL or module.startswith(SHELL + ".")


def test_no_module_outside_ui_imports_qt() -> None:
    """The core, the CLI and the formats run where Qt is not installed (a server, a script, CI without a display)
    and must not pay Qt's start-up: any import of PySide6 outside `tarjama.ui`, even inside a function or for type
    checking only, is a breach, and so is importing `tarjama.ui` itself (which imports Qt)."""
    breaches = [
        f"{MODULES[module].relative_to(PACKAGE_ROOT.parent)}:{found.line} imports {found.module}"
        for module in MODULES
        if not in_shell(module)
        for found in imports(module)
        if found.module.split(".")[0] in QT or in_shell(found.module)
    ]
    assert not breaches, "the core imports Qt:\n" + "\n".join(breaches)


def import_graph() -> dict[str, dict[str, int]]:
    """For each module of the package, the package's modules its body imports, with the line of the first import.

    A circle is drawn by the imports of module bodies, those under `if TYPE_CHECKING:` included, and not by imports
    inside functions:

    * a module-level import runs when the module is imported, so in a circle whether `import a` works depends on
      whether `b` happened to be imported first, and neither can be read, tested or moved without the other;
    * an `if TYPE_CHECKING:` import never runs, but it is the same dependency for the reader and for mypy: a panel
      that names `MainWindow` in its signatures cannot be understood or checked without the window, which is the
      circle a protocol of what the panel needs removes;
    * an import inside a function runs when the function is called, after both modules are complete, and says so
      where it stands (usually with the reason): a deliberate deferral left to review rather than a hidden knot.
    """
    graph: dict[str, dict[str, int]] = {}
    for module in MODULES:
        edges = graph.setdefault(module, {})
        for found in imports(module):
            if found.in_module_body and found.module in MODULES and found.module != module:
                edges.setdefault(found.module, found.line)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively (a deep package would overflow the recursion): the groups of modules that
    can each reach every other, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(graph[successor])))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(sorted(group))
    return sorted((group for group in groups if len(group) > 1), key=len, reverse=True)


def shortest_circle(graph: dict[str, dict[str, int]], group: list[str]) -> list[str]:
    """A shortest circle through the group's first module, staying inside the group: the one to read first."""
    members = set(group)
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in graph[node]:
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if successor in members and successor not in came_from:
                    came_from[successor] = node
                    following.append(successor)
        frontier = following
    raise AssertionError(f"{group} is not a circle")


def describe(graph: dict[str, dict[str, int]], circle: list[str]) -> str:
    pairs = zip(circle, circle[1:], strict=False)
    steps = [f"{importer} (line {graph[importer][imported]})" for importer, imported in pairs]
    return " → ".join([*steps, circle[-1]])


def test_the_package_has_no_import_circle() -> None:
    graph = import_graph()
    circles = strongly_connected(graph)
    report = [
        f"{len(group)} modules import each other: {', '.join(group)}\n"
        f"  e.g. {describe(graph, shortest_circle(graph, group))}"
        for group in circles
    ]
    assert not circles, "import circles:\n" + "\n".join(report)


#: A core module longer than this likely holds more than one job (the project store held five at 1,000 lines):
#: split it by job before adding to it. "About 600", with a little room for a docstring that says why.
CORE_MODULE_LINES = 640


def test_no_core_module_is_longer_than_one_job() -> None:
    too_long = [
        f"{MODULES[module].relative_to(PACKAGE_ROOT.parent)}: {lines} lines"
        for module in MODULES
        if not in_shell(module)
        and (lines := len(MODULES[module].read_text(encoding="utf-8").splitlines())) > CORE_MODULE_LINES
    ]
    assert not too_long, f"core modules over {CORE_MODULE_LINES} lines:\n" + "\n".join(too_long)


# -- the checks above, checked -----------------------------------------------------------------------------------


def test_imports_are_found_in_functions_relative_and_type_checking_blocks() -> None:
    found = {(i.module, i.in_module_body) for i in imports("tarjama.formats")}
    assert ("tarjama.formats.text_file", True) in found
    source = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "from . import tmx\n"
        "from .tbx import read_tbx\n"
        "if TYPE_CHECKING:\n    from tarjama.project.store import ProjectStore\n"
        "def later():\n    import PySide6.QtCore\n"
    )
    seen = {(i.module, i.in_module_body) for i in _imports_of(source, "tarjama.formats.x", False, True)}
    assert seen == {
        ("typing", True),
        ("tarjama.formats.tmx", True),
        ("tarjama.formats.tbx", True),
        ("tarjama.project.store", True),
        ("PySide6.QtCore", False),
    }


def test_a_circle_is_found_and_named() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}, "e": {"e": 5}}
    (group,) = strongly_connected(graph)
    assert group == ["a", "b", "c"]
    assert describe(graph, shortest_circle(graph, group)) == "a (line 1) → b (line 2) → c (line 3) → a"
