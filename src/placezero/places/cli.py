"""`placezero place build | load | create | list`: set a place up from national open data.

`build` turns the raw national files into a place pack (no database); `load` writes a pack
into the database; `create` does both for any English or Welsh local authority given by
its GSS code(s). A problem with the input ends the command with exit status 2 and one
paragraph on stderr saying what is wrong and how to fix it, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

USAGE_ERROR = 2


def register(subparsers: Any) -> None:
    place = subparsers.add_parser(
        "place", help="build, load, create and list places", description=__doc__
    )
    actions = place.add_subparsers(dest="place_command", metavar="ACTION", required=True)

    build = actions.add_parser("build", help="build a place pack from the raw national files")
    build.add_argument(
        "--definition", required=True, metavar="SLUG|PATH", help="e.g. leicestershire"
    )
    _data_dir_argument(build)
    build.add_argument(
        "--out", type=Path, metavar="DIR", help="folder for packs (default src/placezero/packs)"
    )
    build.set_defaults(handler=_guarded(_build))

    load = actions.add_parser("load", help="load a place pack into the database")
    load.add_argument("pack", metavar="SLUG|PATH", help="e.g. leicestershire, or a pack folder")
    load.set_defaults(handler=_guarded(_load))

    create = actions.add_parser(
        "create", help="build and load a place for any English or Welsh local authority"
    )
    create.add_argument(
        "--lad",
        action="append",
        default=[],
        metavar="CODE",
        help="local authority GSS code, e.g. E06000017 (repeat for several); a county code "
        "(E10…) alone stands for all its districts",
    )
    create.add_argument("--slug", help="short name for URLs (default: from the name)")
    create.add_argument("--name", help="display name (default: the authorities' names)")
    create.add_argument(
        "--county",
        metavar="CODE",
        help="county GSS code (E10…): the --lad districts must be in it; alone, all of them",
    )
    create.add_argument(
        "--neighbour", action="append", default=[], metavar="CODE", help="neighbouring LAD code"
    )
    _data_dir_argument(create)
    create.add_argument(
        "--out", type=Path, metavar="DIR", help="folder for the pack (default var/packs)"
    )
    create.add_argument(
        "--all",
        action="store_true",
        help="every English and Welsh place: each two-tier county with its districts, every "
        "other authority on its own (packs under var/packs unless --out)",
    )
    create.add_argument(
        "--build-only", action="store_true", help="with --all: build the packs, load none"
    )
    create.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="with --all: Dask LocalCluster of N worker processes (default 2; 1 builds in "
        "this process, one place after another)",
    )
    create.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --all: build on the Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786) "
        "instead of a local one; --out must be a folder its workers can write",
    )
    create.add_argument(
        "--limit", type=int, metavar="N", help="with --all: only the first N places by slug"
    )
    create.set_defaults(handler=_guarded(_create))

    listing = actions.add_parser("list", help="list the places in the database")
    listing.set_defaults(handler=_guarded(_list))


def _data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="raw national files (default: PLACEZERO_DATA_DIR, i.e. ../shared/data)",
    )


class CommandError(Exception):
    """A problem with what the user asked for; the message says how to fix it."""


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn expected failures into one paragraph on stderr and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from placezero.cli import setup_django

        setup_django()
        from django.db.utils import OperationalError, ProgrammingError

        from placezero.datapack.errors import PackError

        try:
            return handler(args)
        except (PackError, CommandError) as error:
            _fail(args, str(error))
        except (OperationalError, ProgrammingError) as error:
            _fail(
                args,
                f"the database is not ready ({error}). Create or update its tables with "
                "`placezero manage migrate` (or `make migrate`) and try again.",
            )
        return USAGE_ERROR

    return run


def _fail(args: argparse.Namespace, message: str) -> None:
    print(f"placezero place {args.place_command}: {message}", file=sys.stderr)


def _say(message: str) -> None:
    print(message, flush=True)


def _data_dir(args: argparse.Namespace) -> Path:
    from django.conf import settings

    data_dir = Path(args.data_dir or settings.PLACEZERO_DATA_DIR)
    if not data_dir.is_dir():
        raise CommandError(
            f"the data directory {data_dir} does not exist. Point --data-dir (or the "
            "PLACEZERO_DATA_DIR environment variable) at a folder holding the raw national "
            "files, laid out as docs/method/data.md lists them (each file's publisher and address)."
        )
    return data_dir


def _build(args: argparse.Namespace) -> int:
    from placezero.datapack.build import build_pack
    from placezero.datapack.definitions import load_definition
    from placezero.datapack.reader import PACKS_DIR

    definition = load_definition(args.definition)
    data_dir = _data_dir(args)
    out = args.out or PACKS_DIR
    _say(f"Building {definition.name} from {data_dir} into {out}")
    path = build_pack(definition, data_dir, out, progress=_say)
    _say(f"Pack written to {path}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from placezero.places.loader import read_and_load

    report = read_and_load(args.pack, progress=_say)
    for line in report.lines():
        _say(line)
    return 0


def _create(args: argparse.Namespace) -> int:
    from django.conf import settings

    from placezero.datapack.definitions import definition_from_lads
    from placezero.places.loader import read_and_load

    if args.scheduler and not args.all:
        raise CommandError(
            "--scheduler is for --all (every place on a Dask cluster); one place is built "
            "here: leave it out."
        )
    if args.all:
        if args.lad or args.county or args.neighbour or args.slug or args.name:
            raise CommandError(
                "--all makes every place from the national files: leave out --lad, --county, "
                "--neighbour, --slug and --name."
            )
        from .create_all import create_all

        return create_all(
            _data_dir(args),
            args.out or Path(settings.VAR_DIR) / "packs",
            load=not args.build_only,
            jobs=args.jobs,
            scheduler=args.scheduler,
            limit=args.limit,
            say=_say,
        )
    if not args.lad and not args.county:
        raise CommandError(
            "give the authority with --lad CODE (e.g. --lad E06000017), or a two-tier "
            "county with --county CODE (e.g. --county E10000018)."
        )
    data_dir = _data_dir(args)
    definition = definition_from_lads(
        args.lad,
        slug=args.slug,
        name=args.name,
        county=args.county,
        neighbours=args.neighbour,
        data_dir=data_dir,
    )
    from placezero.datapack.build import build_pack

    out = args.out or Path(settings.VAR_DIR) / "packs"
    _say(f"Creating {definition.name} ({definition.slug}) from {data_dir}")
    path = build_pack(definition, data_dir, out, progress=_say)
    _say(f"Pack written to {path}")
    report = read_and_load(path, progress=_say)
    for line in report.lines():
        _say(line)
    return 0


def _list(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from placezero.places import services

    places = services.list_places()
    if not places:
        _say("No places yet. Load one with `placezero place load leicestershire`.")
        return 0
    for place in places:
        loaded = (
            f"{timezone.localtime(place.loaded_at):%Y-%m-%d %H:%M}"
            if place.loaded_at
            else "never loaded"
        )
        areas = len(services.member_areas(place))
        _say(f"{place.slug:<24} {place.name:<32} {areas:>3} areas  loaded {loaded}")
    return 0
