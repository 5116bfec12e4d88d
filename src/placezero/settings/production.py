"""Production: secrets and hosts from the environment, PostgreSQL, hardened cookies."""

from __future__ import annotations

import os

from .base import *  # noqa: F403

DEBUG = False
# WhiteNoise serves the collected static files in production; in development and tests
# Django's staticfiles app serves them straight from the apps.
MIDDLEWARE = [
    MIDDLEWARE[0],  # noqa: F405 — SecurityMiddleware stays first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
SECRET_KEY = os.environ["PLACEZERO_SECRET_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- HTTPS: HSTS, redirect, the proxy's scheme ------------------------------------------
# Browsers keep to HTTPS for a year once they have seen the site; subdomains are included
# unless the council's other services on them are not all HTTPS yet (set it to "false").
SECURE_HSTS_SECONDS = int(os.environ.get("PLACEZERO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("PLACEZERO_HSTS_SUBDOMAINS", "true") == "true"
# The header allows submitting the domain to the browsers' preload list (a separate step).
SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS
# Plain HTTP is redirected to HTTPS. Behind a proxy that ends TLS, the proxy says the scheme
# in X-Forwarded-Proto (set it there only: a client could send it too). `make serve` on
# loopback turns the redirect off with PLACEZERO_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = os.environ.get("PLACEZERO_SSL_REDIRECT", "true") == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- email over SMTP (password resets must reach people) ----------------------------------
if MAILERS["default"]["BACKEND"].endswith("console.EmailBackend"):  # noqa: F405
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("PLACEZERO_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("PLACEZERO_EMAIL_PORT", "587")),
                "username": os.environ.get("PLACEZERO_EMAIL_USER", ""),
                "password": os.environ.get("PLACEZERO_EMAIL_PASSWORD", ""),
                "use_tls": os.environ.get("PLACEZERO_EMAIL_TLS", "true") == "true",
            },
        }
    }

# --- a cache for what every visitor sees, and compression -------------------------------
# Pages and API answers for visitors without cookies are kept (web.cache) in a folder that
# gunicorn's workers share, until the data changes; HTML and JSON are gzip-compressed (the
# cache keeps the compressed copy, so compressing costs once per page and version).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PLACEZERO_PAGE_CACHE_DIR", str(VAR_DIR / "page-cache")),  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
MIDDLEWARE = [
    *MIDDLEWARE[:2],  # SecurityMiddleware, WhiteNoise
    "placezero.web.cache.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    *MIDDLEWARE[2:],
]
