"""Who may read the API (rules in placezero.accounts.permissions)."""

from __future__ import annotations

from placezero.accounts.permissions import everyone, register

# The API serves published open data (OGL, CC BY, NGESO licence): anyone may read it.
register("api.read", everyone(), "Read the public API")
