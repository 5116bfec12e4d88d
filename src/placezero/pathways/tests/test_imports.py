"""The pathway tool uses the engine as a library: never through its command-line modules."""

from __future__ import annotations

import ast
from pathlib import Path

PATHWAYS = Path(__file__).resolve().parent.parent


def _engine_cli_imports(source: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found += [n for n in names if n.startswith("placezero.engine.") and n.endswith("_cli")]
    return found


def test_nothing_in_pathways_imports_an_engine_cli_module() -> None:
    """Rule: a library never imports a CLI; what a CLI and a page both need (COVERAGE, the
    no-new-action baseline) lives in an engine library module."""
    offenders = {
        str(path.relative_to(PATHWAYS)): names
        for path in PATHWAYS.rglob("*.py")
        if (names := _engine_cli_imports(path))
    }
    assert offenders == {}
