"""The tables of the five audience views (public, officers, investors, network, community),
a module each.

Each table is computed from the engine's results for the page's scenario and area and
registered under `pathways.<view>` (importing this package registers them, in page order),
so the page, its chart and every download hold the same figures. Tables with one row per
zone name their zone column (`zone_key`) for GeoJSON export.
"""

from __future__ import annotations

# Importing a module registers its tables, so the imports keep page order (the officers'
# page lists the investors' capital table after its own).
from . import public  # noqa: F401  # isort: skip
from . import officers  # noqa: F401  # isort: skip
from . import officers_uncertainty  # noqa: F401  # isort: skip
from . import investors  # noqa: F401  # isort: skip
from . import network  # noqa: F401  # isort: skip
from . import community  # noqa: F401  # isort: skip
from .common import net_zero_target, target_path_tco2e
from .network import HEADROOM_NOTE
from .officers import ZONE_OUTPUTS

__all__ = ["HEADROOM_NOTE", "ZONE_OUTPUTS", "net_zero_target", "target_path_tco2e"]
