"""A scenario as a file: the engine's scenario YAML (name, description, then the
definition, `engine/scenario.py`), which re-imports through `services.engine_scenario`.

Tables are written by the site's writers (`placezero.tables.csv`, `.xlsx`, `.geojson`,
`.json`); this module holds only what is particular to the pathway.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


def definition_yaml(name: str, description: str, definition: Mapping[str, Any]) -> str:
    """A scenario as the engine's YAML file: name, description, then the definition's keys
    in the engine's order. Reading it back and passing it to `services.engine_scenario`
    gives the same scenario."""
    document: dict[str, Any] = {"name": name}
    if description:
        document["description"] = description
    for key in ("levers", "districts", "zones", "trajectories"):
        if definition.get(key):
            document[key] = _plain(definition[key])
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _plain(value: Any) -> Any:
    """Mappings and sequences as plain dicts and lists, so safe_dump accepts them."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
