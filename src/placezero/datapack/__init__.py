"""Place packs: build a compact, derived data pack for one place from national open data,
and read it back with every figure checked. Pure Python: this package never imports Django."""
