"""The interactive docs at /api/docs: django-ninja's bundled Swagger UI (served by this
site, nothing from a CDN) in a page that passes axe — a language on <html>, colours with
enough contrast (api/static/api/swagger-accessible.css), and no deep links inside the
operation buttons (Swagger UI nests an <a> in a <button> when deepLinking is on)."""

from __future__ import annotations

from ninja import Swagger


class AccessibleSwagger(Swagger):
    template = "api/swagger.html"


def docs() -> AccessibleSwagger:
    return AccessibleSwagger(
        settings={
            # validatorUrl null: Swagger UI would otherwise fetch a badge from a validator site.
            "validatorUrl": None,
            "defaultModelsExpandDepth": 0,
            "deepLinking": False,
        }
    )
