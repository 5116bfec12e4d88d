"""Template filters for the shell's pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.dateformat import format as format_date

from ..overview import licence_of

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


@register.inclusion_tag("web/_licence.html")
def licence(code: str) -> dict[str, str]:
    """A dataset's licence by its full name, linked to its text where it has a public one;
    a licence we do not know is shown exactly as the pack states it."""
    name, url = licence_of(code)
    return {"name": name, "url": url, "code": code}
