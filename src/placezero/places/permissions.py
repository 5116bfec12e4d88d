"""Who may see and change a place's data (rules in placezero.accounts.permissions)."""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import everyone, register, role_in_place

# Official statistics are published open data: anyone may see them.
register("places.view_statistics", everyone(), "See a place's official statistics")
# Targets are council decisions; only officers of the place record a new version of one.
register(
    "places.edit_targets",
    role_in_place(Role.OFFICER),
    "Record a new version of one of a place's targets",
)
