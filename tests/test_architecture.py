"""House rules as tests: which part of placezero may import which, and no import circles.

Read from the source with `ast`, never by importing it, so a rule holds for code no test
happens to import. Both checkers are run on a small bad package written into `tmp_path`
first, so neither can pass by finding nothing.

This file sits in the repository's `tests/`, not in an app: it is about the whole source
tree, belongs to no app, needs no database, and is not shipped in the package it checks.

What counts as an import:
- `import x` and `from x import y` anywhere in a module, inside functions too: a function-
  level import hides a circle from Python, not from the reader (the engine's optimise and
  its command line imported each other that way);
- not imports under `if TYPE_CHECKING:`: they run only for the type checker and name the
  types that services return;
- not Django migrations (generated; they name other apps by label, not by import).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "placezero"

# --- the rules, as data ------------------------------------------------------------------
# Every top-level package or module of placezero is one of these; a new one fails
# `test_every_part_of_placezero_is_classified` until it is added here.

# Pure Python libraries: no Django, and no part of placezero but those listed.
LIBRARIES: dict[str, set[str]] = {
    # The engine takes arrays; its command line and golden checks read place packs.
    "engine": {"datapack"},
    "datapack": set(),
}
# The foundation every app stands on: who may do what (accounts), and where (places).
# They use each other only as listed, and never a kernel service or a module: those stand
# on them (a kernel service that needs to follow their models, as history does, reaches
# down to them; they never reach up).
FOUNDATION: dict[str, set[str]] = {
    # accounts knows places only as the label in Organisation.place ("places.Place") and
    # through that relation (accounts.standing.place_model); one exception below.
    "accounts": set(),
    # places declares its rules (places.edit_targets) in the permission registry.
    "places": {"accounts"},
}
# Kernel services: they may use the foundation and each other, never a module.
KERNEL = {"web", "api", "jobs", "activity", "publishing", "tables", "method", "feedback"}
# Modules (one per domain): they may use the foundation, the kernel and, through their
# doors, each other.
MODULES = {"pathways", "governance", "tracker", "landscape", "community", "advisory"}
# The project's own wiring, which may import anything.
PROJECT = {"__init__", "__main__", "cli", "urls", "wsgi", "settings", "backup"}
# The project modules apps may import, and why.
PROJECT_DOORS = {
    "cli": "commands call cli.setup_django() before they touch the database",
}

# The modules of an app another app may import (its doors); the package itself (its
# `__init__`, e.g. `jobs.register_kind`) is always a door.
DEFAULT_DOORS = {"services", "permissions", "options"}
EXTRA_DOORS: dict[str, set[str]] = {
    # @requires and enforce() for views (also re-exported by accounts.permissions).
    "accounts": {"decorators"},
    # The shared page furniture: the menu registry, place_or_404, the GOV.UK error summary,
    # PDFs from print templates (pdf_response) for every module's printed reports, public
    # forms' abuse checks (submissions) and the national view's column registry (national).
    "web": {"navigation", "shortcuts", "forms", "pdf", "submissions", "national"},
    # What an app's API router is built with: the API's errors, GeoJSON responses, its
    # place lookup (404 in the API's format) and shared schemas.
    "api": {"errors", "geojson", "queries", "schemas"},
    # A library of table writers (csv, xlsx, geojson, json): every module is public.
    "tables": {"*"},
}

# Named exceptions to the rules above: (importing module, imported module) -> why.
EXCEPTIONS: dict[tuple[str, str], str] = {
    (
        "placezero.accounts.management.commands.create_demo_accounts",
        "placezero.places.services",
    ): "the demo-accounts command looks places up by slug to attach the partnership's "
    "organisations to them, through the places door",
}


@dataclass(frozen=True)
class Rules:
    libraries: dict[str, set[str]] = field(default_factory=lambda: LIBRARIES)
    foundation: dict[str, set[str]] = field(default_factory=lambda: FOUNDATION)
    kernel: set[str] = field(default_factory=lambda: KERNEL)
    modules: set[str] = field(default_factory=lambda: MODULES)
    project: set[str] = field(default_factory=lambda: PROJECT)
    exceptions: dict[tuple[str, str], str] = field(default_factory=lambda: EXCEPTIONS)

    @property
    def apps(self) -> set[str]:
        return set(self.foundation) | self.kernel | self.modules

    def classified(self) -> set[str]:
        return set(self.libraries) | self.apps | self.project

    def doors(self, app: str) -> set[str]:
        return DEFAULT_DOORS | EXTRA_DOORS.get(app, set())

    def may_use(self, unit: str, other: str) -> bool:
        """May app `unit` use app `other`?"""
        if unit in self.foundation:
            return other in self.foundation[unit]
        if unit in self.kernel:
            return other in self.foundation or other in self.kernel
        return other in self.apps  # a module


# --- reading imports ---------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module, resolved to one of the tree's modules if it is one
    line: int


def module_files(root: Path, package: str = PACKAGE) -> dict[str, Path]:
    """Dotted module name -> file, for every module under root/package (not migrations)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(body: Iterable[ast.AST]) -> Iterator[ast.AST]:
    """Every node that may hold an import, leaving out `if TYPE_CHECKING:` bodies."""
    for node in body:
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from _statements(node.orelse)
            continue
        yield node
        yield from _statements(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, modules: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            # `from a import b` imports module a.b when there is one, else a name from a.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            found.append(Import(name, _resolve(target, modules), node.lineno))
    return found


def _resolve(target: str, modules: set[str]) -> str:
    """The tree's module a dotted name falls in (longest prefix); the name itself otherwise."""
    candidate = target
    while candidate:
        if candidate in modules:
            return candidate
        candidate = candidate.rpartition(".")[0]
    return target


def import_graph(root: Path, package: str = PACKAGE) -> list[Import]:
    files = module_files(root, package)
    names = set(files)
    return [found for name, path in files.items() for found in imports_of(name, path, names)]


# --- the boundary checker ----------------------------------------------------------------


def _unit(module: str, package: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _in_tests(module: str) -> bool:
    return "tests" in module.split(".")


def boundary_violations(root: Path, rules: Rules, package: str = PACKAGE) -> list[str]:
    """Every import that crosses a boundary the rules do not allow, in words."""
    problems: list[str] = []
    for found in dict.fromkeys(import_graph(root, package)):
        if _in_tests(found.module):
            continue  # tests set up data across apps (factories) on purpose
        problem = _boundary_problem(found, rules, package)
        if problem and (found.module, found.target) not in rules.exceptions:
            # One line per import statement, however many names it takes.
            problems.append(f"{found.module} (line {found.line}) imports {found.target}: {problem}")
    return problems


def _boundary_problem(found: Import, rules: Rules, package: str) -> str | None:
    unit = _unit(found.module, package)
    top = found.target.split(".")[0]
    if unit in rules.libraries and top == "django":
        return f"{unit} is a library and never imports Django"
    if top != package:
        return None
    other = _unit(found.target, package)
    if other == unit or unit in rules.project:
        return None
    if unit in rules.libraries:
        if other not in rules.libraries[unit]:
            return f"the {unit} library may use only {sorted(rules.libraries[unit]) or 'itself'}"
        return None
    if other in rules.libraries:
        return None  # every module of a library is public
    if other in rules.project:
        if other not in PROJECT_DOORS:
            return f"apps never import the project's {other}"
        return None
    if not rules.may_use(unit, other):
        return (
            f"{unit} may not use {other} ({_layer(unit, rules)} may not use {_layer(other, rules)})"
        )
    door = found.target.split(".")[2:3]
    doors = rules.doors(other)
    if door and "*" not in doors and door[0] not in doors:
        return f"other apps read {other} only through {sorted(doors)} (or the package itself)"
    return None


def _layer(unit: str, rules: Rules) -> str:
    if unit in rules.foundation:
        return f"the foundation app {unit}"
    if unit in rules.kernel:
        return "a kernel service"
    if unit in rules.modules:
        return "a module"
    return unit


def unclassified(root: Path, rules: Rules, package: str = PACKAGE) -> set[str]:
    units = {_unit(name, package) for name in module_files(root, package)}
    return units - rules.classified()


# --- the circle checker ------------------------------------------------------------------


def circles(root: Path, package: str = PACKAGE) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = {name: set() for name in module_files(root, package)}
    for found in import_graph(root, package):
        if found.target in graph and found.target != found.module:
            graph[found.module].add(found.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


# --- the tests ---------------------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def bad_tree(tmp_path: Path) -> Path:
    """A placezero-shaped package that breaks every rule once."""
    return write(
        tmp_path,
        {
            "placezero/__init__.py": "",
            "placezero/engine/__init__.py": "",
            "placezero/engine/model.py": "import django.conf\n",
            "placezero/engine/reads.py": "from placezero.places import services\n",
            "placezero/places/__init__.py": "",
            "placezero/places/models.py": "",
            "placezero/places/services.py": (
                "def late():\n    from placezero.pathways import services\n"
            ),
            "placezero/pathways/__init__.py": "",
            "placezero/pathways/services.py": "from placezero.places.models import Place\n",
            "placezero/pathways/typed.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from placezero.places.models import Place\n"
            ),
            "placezero/pathways/tests/__init__.py": "",
            "placezero/pathways/tests/test_x.py": "from placezero.places.models import Place\n",
            "placezero/mystery/__init__.py": "",
        },
    )


def test_the_boundary_checker_finds_each_bad_import(tmp_path: Path) -> None:
    """Rule: the checker reports Django in a library, a library using an app, the
    foundation using a module, and a read of another app's models; not a TYPE_CHECKING
    import, nor a test's."""
    problems = boundary_violations(bad_tree(tmp_path), Rules())
    assert len(problems) == 4, "\n".join(problems)
    text = "\n".join(problems)
    assert "placezero.engine.model (line 1) imports django.conf: engine is a library" in text
    assert "placezero.engine.reads (line 1) imports placezero.places.services" in text
    assert "placezero.places.services (line 2) imports placezero.pathways.services" in text
    assert "placezero.pathways.services (line 1) imports placezero.places.models" in text
    assert unclassified(tmp_path, Rules()) == {"mystery"}


def test_a_named_exception_is_not_reported(tmp_path: Path) -> None:
    rules = Rules(exceptions={("placezero.pathways.services", "placezero.places.models"): "a test"})
    problems = boundary_violations(bad_tree(tmp_path), rules)
    assert not any(p.startswith("placezero.pathways.services ") for p in problems)


def test_the_circle_checker_finds_a_circle_hidden_in_a_function(tmp_path: Path) -> None:
    """Rule: a function-level import closes a circle; a TYPE_CHECKING import does not."""
    root = write(
        tmp_path,
        {
            "placezero/__init__.py": "",
            "placezero/engine/__init__.py": "",
            "placezero/engine/solver.py": "def cli():\n    from . import solver_cli\n",
            "placezero/engine/solver_cli.py": "from placezero.engine.solver import cli\n",
            "placezero/engine/types.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .uses import Thing\n"
            ),
            "placezero/engine/uses.py": "from .types import *\n",
        },
    )
    assert circles(root) == [["placezero.engine.solver", "placezero.engine.solver_cli"]]


def test_every_part_of_placezero_is_classified() -> None:
    assert unclassified(SRC, Rules()) == set(), (
        "Add each new part of placezero to LIBRARIES, FOUNDATION, KERNEL, MODULES or "
        "PROJECT at the top of tests/test_architecture.py."
    )


def test_imports_keep_to_the_boundaries() -> None:
    problems = boundary_violations(SRC, Rules())
    assert not problems, "\n".join(problems)


def test_every_exception_is_still_needed() -> None:
    """Rule: an exception nobody uses any more is removed, so the list stays true."""
    used = {(found.module, found.target) for found in import_graph(SRC)}
    assert set(EXCEPTIONS) <= used


def test_no_import_circles() -> None:
    found = circles(SRC)
    assert not found, "Modules that import each other:\n" + "\n".join(map(" <-> ".join, found))


def test_the_checkers_read_the_whole_tree() -> None:
    """Rule: the checks see every app (a wrong path would make them pass on nothing)."""
    files = module_files(SRC)
    assert {"placezero.accounts.permissions", "placezero.engine.simulate"} <= set(files)
    assert len(import_graph(SRC)) > 500
