"""Template helpers shared by every pathways page: the section menu, export links, numbers."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from placezero.accounts.permissions import has

from ..sections import SECTIONS

register = template.Library()

EXPORT_FORMATS = (("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("geojson", "GeoJSON"))


@register.simple_tag(takes_context=True)
def pathway_sections(context: template.Context, place: Any) -> list[dict[str, Any]]:
    """The section menu for a place: only pages that exist and the visitor may open."""
    request = context.get("request")
    current = getattr(getattr(request, "resolver_match", None), "url_name", None)
    query = _scenario_query(request)
    items = []
    for section in SECTIONS:
        if request is not None and not has(request.user, section.permission):
            continue
        try:
            url = reverse(f"pathways:{section.url_name}", kwargs={"place_slug": place.slug})
        except NoReverseMatch:
            continue
        items.append(
            {
                "label": section.label,
                "audience": section.audience,
                "url": url + query,
                "current": current == section.url_name,
            }
        )
    return items


def _scenario_query(request: Any) -> str:
    scenario = request.GET.get("scenario", "") if request is not None else ""
    return "?" + urlencode({"scenario": scenario}) if scenario else ""


@register.simple_tag(takes_context=True)
def export_links(context: template.Context, view: str, table: Any) -> list[dict[str, str]]:
    """Download links for one table of a view, in every format that applies (GeoJSON only
    for tables with a zone column), carrying the page's scenario and area."""
    request, place = context.get("request"), context.get("place")
    if place is None:
        return []
    params = {}
    if request is not None:
        params = {k: request.GET[k] for k in ("scenario", "area") if request.GET.get(k)}
    query = "?" + urlencode(params) if params else ""
    links = []
    for fmt, label in EXPORT_FORMATS:
        if fmt == "geojson" and not getattr(table, "zone_key", None):
            continue
        try:
            url = reverse(
                "pathways:export_table",
                kwargs={"place_slug": place.slug, "view": view, "table": table.slug, "fmt": fmt},
            )
        except NoReverseMatch:
            continue
        links.append({"url": url + query, "label": label, "format": fmt})
    return links


@register.simple_tag(takes_context=True)
def export_view_url(context: template.Context, view: str) -> str:
    """The whole view as one XLSX workbook (every table a sheet), with the page's scenario
    and area; empty if the exports are not installed."""
    request, place = context.get("request"), context.get("place")
    if place is None:
        return ""
    try:
        url = reverse("pathways:export_view", kwargs={"place_slug": place.slug, "view": view})
    except NoReverseMatch:
        return ""
    params = {}
    if request is not None:
        params = {k: request.GET[k] for k in ("scenario", "area") if request.GET.get(k)}
    return url + ("?" + urlencode(params) if params else "")


@register.filter
def cell(row: dict[str, Any], column: Any) -> str:
    """A table cell as text: figures with thousands separators and the column's decimals;
    labels (text, and whole numbers in a column without a unit, such as years) as they are."""
    return _cell_text(row.get(column.key), column)


def _is_figure(value: Any, column: Any) -> bool:
    """Formatted as a figure: any number in a column with a unit, and any non-whole number.
    A whole number in a column without a unit is a label (a year, a count named in words)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return bool(column.unit) or isinstance(value, float)


def _cell_text(value: Any, column: Any) -> str:
    if value is None or value == "":
        return "\u2013"  # en dash: no figure
    if _is_figure(value, column):
        return f"{value:,.{column.decimals}f}"
    return str(value)


def _cell_html(value: Any, column: Any) -> str:
    """Escaped cell text; a formatted figure has nothing to escape, so it is not."""
    if _is_figure(value, column):
        return f"{value:,.{column.decimals}f}"
    return escape(_cell_text(value, column))


@register.simple_tag
def table_body_rows(table: Any) -> SafeString:
    """The `<tr>`s of a table's body, built in Python: a moved lever re-renders tables of
    hundreds of cells, and the template language costs ~0.1 ms a cell where this costs ~1 us.
    The first column is the row header; numeric columns (those with a unit) align right."""
    columns = table.columns
    if not table.rows:
        return mark_safe(
            f'<tr class="govuk-table__row"><td class="govuk-table__cell" '
            f'colspan="{len(columns)}">No figures for this selection.</td></tr>'
        )
    keys = [escape(c.key) for c in columns]
    td_class = [
        "govuk-table__cell govuk-table__cell--numeric" if c.unit else "govuk-table__cell"
        for c in columns
    ]
    lines = []
    for row in table.rows:
        cells = [
            f'<th scope="row" class="govuk-table__header" data-column="{keys[0]}">'
            f"{_cell_html(row.get(columns[0].key), columns[0])}</th>"
        ]
        for i in range(1, len(columns)):
            text = _cell_html(row.get(columns[i].key), columns[i])
            cells.append(f'<td class="{td_class[i]}" data-column="{keys[i]}">{text}</td>')
        lines.append('<tr class="govuk-table__row">' + "".join(cells) + "</tr>")
    return mark_safe("\n".join(lines))  # every value above is escaped


@register.filter
def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
