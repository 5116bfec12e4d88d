"""`placezero place create --all`: every English and Welsh place from the national files.

Packs are built in parallel, on a Dask LocalCluster of `jobs` worker processes by default
or on a real cluster given `scheduler` (`placezero.datapack.parallel`); each worker parses
every national file once and slices it per place. Packs are loaded into the database here,
one by one as they arrive, while the workers go on building. Progress is printed place by
place; a place that fails is reported with its reason and the rest go on. The exit status is
0 when every place was made, 1 when some failed (they are listed at the end).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from placezero.datapack.definitions import PlaceDefinition, every_place
from placezero.datapack.errors import PackError
from placezero.datapack.parallel import Outcome, build_each

SOME_FAILED = 1


def build_all(
    definitions: list[PlaceDefinition],
    data_dir: Path,
    out: Path,
    *,
    jobs: int,
    say: Callable[[str], None],
    scheduler: str | None = None,
    on_built: Callable[[Outcome], None] | None = None,
) -> tuple[dict[str, Path], dict[str, str]]:
    """slug -> pack folder for those built, slug -> reason for those that failed.
    `on_built` is called with each pack as it arrives (the loader, in `create_all`)."""
    built: dict[str, Path] = {}
    failed: dict[str, str] = {}
    total = len(definitions)
    for done, outcome in enumerate(
        build_each(definitions, data_dir, out, workers=jobs, scheduler=scheduler), start=1
    ):
        if not outcome.built:
            failed[outcome.slug] = str(outcome.error)
            say(f"[{done}/{total}] {outcome.name}: FAILED to build: {outcome.error}")
            continue
        built[outcome.slug] = Path(str(outcome.path))
        say(f"[{done}/{total}] built {outcome.name} ({outcome.slug}) in {outcome.seconds:.1f} s")
        if on_built is not None:
            on_built(outcome)
    return built, failed


def create_all(
    data_dir: Path,
    out: Path,
    *,
    load: bool = True,
    jobs: int = 2,
    scheduler: str | None = None,
    limit: int | None = None,
    say: Callable[[str], None] = print,
    definitions: list[PlaceDefinition] | None = None,
) -> int:
    from .loader import read_and_load

    if definitions is None:
        definitions = every_place(data_dir)[:limit] if limit else every_place(data_dir)
    counties = sum(1 for definition in definitions if definition.county)
    where = f"the Dask cluster at {scheduler}" if scheduler else f"{jobs} local worker(s)"
    say(
        f"{len(definitions)} places ({counties} two-tier counties with their districts, "
        f"{len(definitions) - counties} other authorities) from {data_dir} into {out}, "
        f"built on {where}"
    )
    started = time.perf_counter()
    loaded: list[str] = []
    load_failed: dict[str, str] = {}

    def load_one(outcome: Outcome) -> None:
        try:
            report = read_and_load(Path(str(outcome.path)))
        except PackError as error:
            load_failed[outcome.slug] = str(error)
            say(f"    {outcome.name}: FAILED to load: {error}")
            return
        loaded.append(outcome.slug)
        say(f"    {report.lines()[0]}")

    built, failed = build_all(
        definitions,
        Path(data_dir),
        Path(out),
        jobs=jobs,
        say=say,
        scheduler=scheduler,
        on_built=load_one if load else None,
    )
    failed.update(load_failed)
    elapsed = time.perf_counter() - started
    if load:
        say(f"Built {len(built)} packs and loaded {len(loaded)} places in {elapsed:.1f} s")
    else:
        say(f"Built {len(built)} packs in {elapsed:.1f} s")
    if failed:
        say(f"{len(failed)} place(s) failed: " + "; ".join(f"{s}: {r}" for s, r in failed.items()))
        return SOME_FAILED
    return 0
