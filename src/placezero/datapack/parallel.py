"""Build many place packs at once: in this process, on a Dask LocalCluster, or on a real
Dask cluster given its scheduler's address (`place create --all`, the national bench).

Each build is one task. A task never raises: it returns an `Outcome` saying what was built
or why not, so one failing place is reported and the others go on (and Dask does not retry
a place that failed for a reason that would fail again). Every worker keeps the national
files parsed for its life (`national_files.enable()`), so each file is parsed once per
worker, not once per place.

On a real cluster the workers write the packs themselves: `out` must be a folder every
worker and the machine that loads them can see (a shared file system), as `--out` says.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import national_files
from .build import build_pack
from .definitions import PlaceDefinition
from .errors import PackError

CONNECT_TIMEOUT = "10s"


class ClusterError(PackError):
    """The Dask scheduler could not be reached; the message says what to do."""


@dataclass(frozen=True)
class Outcome:
    slug: str
    name: str
    path: str | None  # the pack folder, None if it failed
    error: str | None
    seconds: float
    worker: str

    @property
    def built(self) -> bool:
        return self.path is not None


def build_task(definition: PlaceDefinition, data_dir: str, out: str) -> Outcome:
    """Build one place's pack; an error becomes the outcome, never an exception."""
    import os
    import socket

    national_files.enable()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    started = time.perf_counter()
    try:
        path = build_pack(definition, Path(data_dir), Path(out))
    except PackError as error:
        return Outcome(definition.slug, definition.name, None, str(error), _since(started), worker)
    except Exception as error:  # a bug in one place's build must not stop the others
        message = f"{type(error).__name__}: {error}"
        return Outcome(definition.slug, definition.name, None, message, _since(started), worker)
    return Outcome(definition.slug, definition.name, str(path), None, _since(started), worker)


def _since(started: float) -> float:
    return time.perf_counter() - started


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client on a fresh LocalCluster of `workers` processes (one thread each, since a
    build is pure Python), or on the cluster whose scheduler is at `scheduler`."""
    from dask.distributed import Client, LocalCluster

    # The cluster's own chatter (workers joining, closing, killed at shutdown) is not the
    # command's progress: only its errors are shown.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler is None:
        # A random dashboard port: several clusters may run on one machine.
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise ClusterError(
            f"could not reach the Dask scheduler at {scheduler} ({error}). Start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS` (on machines that see "
            "the data directory and --out), or leave out --scheduler to use a local cluster."
        ) from error
    try:
        yield client
    finally:
        client.close()


def build_each(
    definitions: Sequence[PlaceDefinition],
    data_dir: Path,
    out: Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Yield each place's outcome as soon as it is known (in the order they finish).

    `workers=1` with no scheduler builds in this process, one place after another."""
    data, target = str(Path(data_dir).resolve()), str(Path(out).resolve())
    if scheduler is None and workers <= 1:
        with national_files.reading_once():
            for definition in definitions:
                yield build_task(definition, data, target)
        return
    from dask.distributed import as_completed

    with dask_client(scheduler, workers) as client:
        futures = [
            client.submit(build_task, definition, data, target, key=f"build-{definition.slug}")
            for definition in definitions
        ]
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # the worker died (out of memory, killed)
                slug = str(future.key).removeprefix("build-")
                yield Outcome(slug, slug, None, f"the worker was lost: {error}", 0.0, "")
