"""`placezero place create --all`: every English and Welsh place from the national files.

Packs are built first (pure file work, so `jobs` separate processes can share it), then
loaded one by one into the database. Progress is printed place by place; a place that fails
is reported with its reason and the rest go on. The exit status is 0 when every place was
made, 1 when some failed (they are listed at the end).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from placezero.datapack.build import build_pack
from placezero.datapack.definitions import PlaceDefinition, every_place
from placezero.datapack.errors import PackError

SOME_FAILED = 1


def _build_one(definition: PlaceDefinition, data_dir: Path, out: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    path = build_pack(definition, data_dir, out)
    return path, time.perf_counter() - started


def build_all(
    definitions: list[PlaceDefinition],
    data_dir: Path,
    out: Path,
    *,
    jobs: int,
    say: Callable[[str], None],
) -> tuple[dict[str, Path], dict[str, str]]:
    """slug -> pack folder for those built, slug -> reason for those that failed."""
    built: dict[str, Path] = {}
    failed: dict[str, str] = {}
    total = len(definitions)

    def report(done: int, definition: PlaceDefinition, outcome: object) -> None:
        if isinstance(outcome, BaseException):
            failed[definition.slug] = str(outcome)
            say(f"[{done}/{total}] {definition.name}: FAILED to build: {outcome}")
        else:
            path, seconds = outcome  # type: ignore[misc]
            built[definition.slug] = path
            say(f"[{done}/{total}] built {definition.name} ({definition.slug}) in {seconds:.1f} s")

    if jobs <= 1:
        for done, definition in enumerate(definitions, start=1):
            try:
                outcome: object = _build_one(definition, data_dir, out)
            except PackError as error:
                outcome = error
            report(done, definition, outcome)
        return built, failed
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {
            pool.submit(_build_one, definition, data_dir, out): definition
            for definition in definitions
        }
        for done, future in enumerate(as_completed(futures), start=1):
            error = future.exception()
            report(done, futures[future], error if error is not None else future.result())
    return built, failed


def create_all(
    data_dir: Path,
    out: Path,
    *,
    load: bool = True,
    jobs: int = 1,
    limit: int | None = None,
    say: Callable[[str], None] = print,
) -> int:
    from .loader import read_and_load

    definitions = every_place(data_dir)[:limit] if limit else every_place(data_dir)
    counties = sum(1 for definition in definitions if definition.county)
    say(
        f"{len(definitions)} places ({counties} two-tier counties with their districts, "
        f"{len(definitions) - counties} other authorities) from {data_dir} into {out}"
    )
    started = time.perf_counter()
    built, failed = build_all(definitions, Path(data_dir), Path(out), jobs=jobs, say=say)
    say(f"Built {len(built)} packs in {time.perf_counter() - started:.1f} s")
    if load:
        loading, load_failures = time.perf_counter(), 0
        for done, (slug, path) in enumerate(sorted(built.items()), start=1):
            try:
                report = read_and_load(path)
            except PackError as error:
                failed[slug], load_failures = str(error), load_failures + 1
                say(f"[{done}/{len(built)}] {slug}: FAILED to load: {error}")
                continue
            say(f"[{done}/{len(built)}] {report.lines()[0]}")
        say(f"Loaded {len(built) - load_failures} places in {time.perf_counter() - loading:.1f} s")
    if failed:
        say(f"{len(failed)} place(s) failed: " + "; ".join(f"{s}: {r}" for s, r in failed.items()))
        return SOME_FAILED
    return 0
