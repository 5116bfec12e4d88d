"""Who may see published outputs: everyone. Publishing is for what a module makes public
(a plan, a pathway, a report); nothing confidential is published, so there is no finer
rule. Who may publish is the publishing module's own rule, checked by its services before
they call `publishing.services.publish` (e.g. `pathways.set_preferred`)."""

from __future__ import annotations

from placezero.accounts.permissions import everyone, register

register("publishing.view", everyone(), "See the outputs each module has published")
