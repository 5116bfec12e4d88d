"""The officers' list of what the Monte Carlo varies, beside its band: deployment, policy
and parameters, each with its range and source."""

from __future__ import annotations

from placezero.engine.uncertainty import DEPLOYMENT, PARAMETER, POLICY, kind_of

from .. import audience_figures as figures
from ..tables import Column, Table, TableContext, register_table

KIND_LABELS = {
    DEPLOYMENT: "Deployment: how much of the plan is delivered",
    POLICY: "Policy and markets: grid, prices, tariffs, discount rate",
    PARAMETER: "Parameter: a physical or cost figure",
}
ORDER = (DEPLOYMENT, POLICY, PARAMETER)


@register_table("officers", "uncertainty-varied")
def officers_uncertainty_varied(ctx: TableContext) -> Table:
    bands = figures.bands(ctx)
    a = ctx.results.assumptions
    keys = sorted(bands.keys, key=lambda k: (ORDER.index(kind_of(k)), k))
    rows = []
    for key in keys:
        low, central, high = a.range(key)
        rows.append(
            {
                "kind": KIND_LABELS[kind_of(key)],
                "key": key,
                # The assumption's key in words, for the list beside the chart: the keys
                # are single long words that would not wrap on a phone.
                "name": key.replace("_", " "),
                "low": low,
                "central": central,
                "high": high,
                "unit": a.rows[key].unit,
                "source": a.source(key),
            }
        )
    counts = {k: sum(1 for key in keys if kind_of(key) == k) for k in ORDER}
    return Table(
        "uncertainty-varied",
        f"What the uncertainty band varies: {len(keys)} assumptions",
        (
            Column("kind", "Kind"),
            Column("key", "Assumption"),
            Column("low", "Low", "", 4),
            Column("central", "Central", "", 4),
            Column("high", "High", "", 4),
            Column("unit", "Unit"),
            Column("source", "Source"),
        ),
        tuple(rows),
        notes=(
            f"{counts[DEPLOYMENT]} deployment, {counts[POLICY]} policy and "
            f"{counts[PARAMETER]} parameter assumptions, each drawn from a triangular "
            "distribution between its low and high value (central as the mode). Deployment "
            "multiplies what the scenario plans for a group of levers (1 = all of it).",
        ),
        about=ctx.about("uncertainty"),
    )
