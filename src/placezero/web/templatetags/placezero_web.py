"""Template filters for the shell's pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.dateformat import format as format_date

register = template.Library()

# How a version's valid_from is written, by how precisely its source dates it
# (placezero.places.options.DatePrecision).
_DATE_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y", "assumed": "F Y"}


@register.filter
def decision_date(version: Any) -> str:
    """A target version's date only as precisely as its source gives it: "December 2022",
    "2024"; an assumed date says so."""
    precision = getattr(version, "date_precision", "day") or "day"
    text = format_date(version.valid_from, _DATE_FORMATS.get(precision, "j F Y"))
    return f"{text} (assumed)" if precision == "assumed" else text


@register.filter
def cell(values: list[Any], index: int) -> Any:
    """values[index], for templates that walk two lists side by side."""
    return values[index]


# Licence codes the place pack uses (placezero.datapack.provenance) and their full names.
_LICENCES = {
    "OGL-3.0": (
        "Open Government Licence v3.0",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    ),
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "NGESO-Open-Data-Licence": ("National Grid ESO Open Data Licence", ""),
}


@register.inclusion_tag("web/_licence.html")
def licence(code: str) -> dict[str, str]:
    """A dataset's licence by its full name, linked to its text where it has a public one;
    a licence we do not know is shown exactly as the pack states it."""
    name, url = _LICENCES.get(code, (code, ""))
    return {"name": name, "url": url, "code": code}
