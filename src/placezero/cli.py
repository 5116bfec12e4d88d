"""The `placezero` command line: data and modelling commands.

Each area of the code registers its own sub-commands (`register(subparsers)`) so this file
stays a table of contents. Commands that touch the database call `setup_django()` first;
the engine's commands never do.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Modules that add sub-commands; each exposes register(subparsers).
COMMAND_MODULES = (
    "placezero.places.cli",  # placezero place build | load | create | list
    "placezero.engine.cli",  # placezero pathway run | optimise | uncertainty | calibrate
    "placezero.pathways.cli",  # placezero pathway batch --all (after the engine's pathway)
    "placezero.jobs.cli",  # placezero worker | jobs list | cancel | run-due | workers
    "placezero.backup",  # placezero backup FILE | restore FILE
)


def setup_django(settings_module: str = "placezero.settings.dev") -> None:
    """Configure Django for commands that read or write the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="placezero",
        description="placezero data and modelling commands. Web server: `make run`.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(subparsers)
    manage = subparsers.add_parser(
        "manage", help="run a Django management command (placezero manage migrate …)"
    )
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=_manage)
    return parser


def _manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["placezero manage", *args.args])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
