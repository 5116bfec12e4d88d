"""The engine is a library: importing every engine module never imports Django."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import placezero.engine


def test_engine_never_imports_django():
    """Rule: importing every module of placezero.engine leaves 'django' out of sys.modules."""
    modules = [
        m.name
        for m in pkgutil.walk_packages(placezero.engine.__path__, "placezero.engine.")
        if ".tests" not in m.name
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(len(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) >= 10
