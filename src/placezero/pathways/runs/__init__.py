"""The pathway tool's long runs, as kinds of background job (`placezero.jobs`): least-cost
optimisation, Monte Carlo uncertainty and batches across places. Each module has its kind's
parameter checks, runner and result tables; the queue, workers and pages are the jobs app's.
`register_kinds()` is called from `PathwaysConfig.ready()`."""

from __future__ import annotations

from placezero.jobs import register_kind

from . import batch, national, optimise, uncertainty

OPTIMISE, UNCERTAINTY, BATCH = optimise.KEY, uncertainty.KEY, batch.KEY
KINDS = (OPTIMISE, UNCERTAINTY, BATCH)
# The start forms name a kind by its last part ("optimise"), which is also each form's prefix.
FORM_KINDS = {key.partition(".")[2]: key for key in KINDS}


def register_kinds() -> None:
    for spec in (optimise.SPEC, uncertainty.SPEC, batch.SPEC, national.SPEC):
        register_kind(spec)
