"""Who may see the public pages (rules in placezero.accounts.permissions)."""

from __future__ import annotations

from placezero.accounts.permissions import everyone, register

register("web.view_public", everyone(), "See the public pages")
