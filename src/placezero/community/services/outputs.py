"""What the community app publishes to the advisory repository: the network page and the
fund's awards (`placezero.publishing`). Declared here; `network.publish_network` publishes.

The publishing app is looked up by name (`publishing()`): until it is installed there is
nothing to declare or publish to, and the network page is public anyway."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps

PUBLISHING = "placezero.publishing"
NETWORK = "community.network"
AWARDS = "community.awards"


def publishing(module: str = "") -> Any:
    if not apps.is_installed(PUBLISHING):
        return None
    return import_module(f"{PUBLISHING}.{module}" if module else PUBLISHING)


def register_kinds() -> None:
    package = publishing()
    if package is None:
        return
    package.register_output_kind(
        package.OutputKind(
            key=NETWORK,
            label="Community energy network",
            module="community",
            audiences=("public", "network", "community", "investors"),
            topics=("community energy",),
        )
    )
    package.register_output_kind(
        package.OutputKind(
            key=AWARDS,
            label="Readiness fund awards (360Giving)",
            module="community",
            audiences=("public", "investors", "network"),
            topics=("community energy", "grants"),
        )
    )
