"""Small tables the writers' tests share (invented figures, never presented as real)."""

from __future__ import annotations

from placezero.tables import About, Column, Table

ABOUT = About(
    source="Test source",
    method_url="/method/equations/#emissions",
    attribution="Contains test data.",
)
SMALL = Table(
    slug="small",
    caption="Small",
    columns=(
        Column("name", "Name"),
        Column("cost", "Cost", "GBP", 2),
        Column("count", "Count", "homes"),
    ),
    rows=(
        {"name": "Blaby, north", "cost": 1234.567, "count": 12.0},
        {"name": "Melton", "cost": None, "count": 3.0},
    ),
    about=ABOUT,
    notes=("A note.",),
)


def table(slug: str = "t", rows: int = 2, columns: int = 2, **options) -> Table:
    """A table of `rows` rows and `columns` columns (a label, then figures in tCO2e)."""
    cols = (Column("name", "Name"), *(Column(f"c{i}", f"C{i}", "tCO2e") for i in range(1, columns)))
    body = tuple(
        {"name": f"Row {r}", **{c.key: float(r * 1000 + i) for i, c in enumerate(cols[1:])}}
        for r in range(rows)
    )
    return Table(slug, f"Caption of {slug}", cols, body, options.pop("about", ABOUT), **options)
