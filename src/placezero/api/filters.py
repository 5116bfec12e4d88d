"""Query-string filters, declared as ninja FilterSchemas so they validate and document
themselves in the OpenAPI schema."""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Self

from django.db.models import Q
from ninja import Field, FilterLookup, FilterSchema
from pydantic import field_validator, model_validator

from placezero.datapack.schema import EXPECTED_UNITS, FES_SCENARIOS
from placezero.places.options import AreaKind, AreaRole

# Figures in the packs run from 2005 (DESNZ GHG) to 2050 (FES); wider bounds catch typos.
EARLIEST_YEAR = 1990
LATEST_YEAR = 2100
OBSERVED = "observed"


# Every variable a pack may hold (the builder writes no other), for checking `variable`.
KNOWN_VARIABLES = frozenset(variable for _dataset, variable in EXPECTED_UNITS)


def _upper(code: str | None) -> str | None:
    return code.strip().upper() if code else None


def _known_variable(name: str | None) -> str | None:
    if name is None or name in KNOWN_VARIABLES:
        return name
    close = difflib.get_close_matches(name, sorted(KNOWN_VARIABLES), n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(close)}?" if close else "see docs/place-pack.md"
    raise ValueError(f"no variable '{name}' in the place packs; {hint}")


# The values `scenario` takes, as the schema lists them (either case is accepted).
SCENARIO_VALUES = [
    value for code in (OBSERVED, *FES_SCENARIOS) for value in (code.lower(), code.upper())
]


def _known_scenario(code: str | None) -> str | None:
    if code is None or code in SCENARIO_VALUES:
        return code
    raise ValueError(
        f"no scenario '{code}'; send {OBSERVED} or a FES 2023 code: {', '.join(FES_SCENARIOS)}"
    )


class QueryFilter(FilterSchema):
    """A filter sent empty (`?area=`, as an HTML form sends an unset field) means no filter:
    the schema allows the empty string, so the API accepts it instead of a 422."""

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if value == "" else value


class AreaFilter(QueryFilter):
    kind: Annotated[AreaKind | None, FilterLookup("kind")] = Field(
        None, description="county, district or unitary"
    )
    role: Annotated[AreaRole | None, FilterLookup("role")] = Field(
        None, description="member (part of the place) or neighbour"
    )

    def keeps(self, kind: str, role: str) -> bool:
        """For the lists places.services returns (already ordered county first)."""
        return (self.kind is None or kind == self.kind) and (self.role is None or role == self.role)


class ZoneFilter(QueryFilter):
    area: Annotated[str | None, FilterLookup("area__code")] = Field(
        None, description="GSS code of the local authority, e.g. E07000134"
    )

    _area = field_validator("area")(_upper)


class YearRange(QueryFilter):
    year_from: Annotated[int | None, FilterLookup("year__gte")] = Field(
        None, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="first year, inclusive"
    )
    year_to: Annotated[int | None, FilterLookup("year__lte")] = Field(
        None, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="last year, inclusive"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError(
                f"year_from {self.year_from} is after year_to {self.year_to}; "
                "send year_from no later than year_to"
            )
        return self


class StatisticFilter(YearRange):
    area: Annotated[str | None, FilterLookup("area__code")] = Field(
        None, description="GSS code of the local authority, e.g. E07000134"
    )
    dataset: Annotated[str | None, FilterLookup("dataset__key")] = Field(
        None, description="dataset key, as listed by /datasets, e.g. desnz-la-ghg"
    )
    variable: Annotated[str | None, FilterLookup("variable")] = Field(
        None,
        description="variable name, e.g. territorial_emissions",
        json_schema_extra={"enum": sorted(KNOWN_VARIABLES)},
    )
    scenario: str | None = Field(
        None,
        description=f"FES scenario code (CT, LW, ST, FS), or '{OBSERVED}' for published figures",
        json_schema_extra={"enum": SCENARIO_VALUES},
    )

    _area = field_validator("area")(_upper)
    _variable = field_validator("variable")(_known_variable)
    _scenario = field_validator("scenario")(_known_scenario)

    def filter_scenario(self, value: str | None) -> Q:
        if value is None:
            return Q()
        return Q(scenario="" if value.lower() == OBSERVED else value.upper())


class ZoneStatisticFilter(StatisticFilter):
    zone: Annotated[str | None, FilterLookup("zone__code")] = Field(
        None, description="MSOA 2011 code, e.g. E02005347"
    )
    area: Annotated[str | None, FilterLookup(["zone__area__code", "zone__area__parent__code"])] = (
        Field(
            None,
            description="GSS code of the authority the zones lie in (a county: its districts)",
        )
    )

    _zone = field_validator("zone")(_upper)


class SeriesFilter(YearRange):
    area: str | None = Field(None, description="GSS code of the local authority, e.g. E07000134")

    _area = field_validator("area")(_upper)
