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

# HTTPS only: the site is served over TLS (the cookies above are secure-only). Behind a
# proxy that ends TLS, set PLACEZERO_PROXY_SSL_HEADER=1 so Django trusts its
# X-Forwarded-Proto header (and make sure the proxy sets it).
SECURE_SSL_REDIRECT = os.environ.get("PLACEZERO_SSL_REDIRECT", "1") == "1"
if os.environ.get("PLACEZERO_PROXY_SSL_HEADER", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Browsers keep to HTTPS for this long (a year by default). Subdomains are left out unless
# asked for: a council's other sites under the same domain may not all serve HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("PLACEZERO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("PLACEZERO_HSTS_SUBDOMAINS", "0") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("PLACEZERO_HSTS_PRELOAD", "0") == "1"
# Subdomains and the browsers' preload list are the domain owner's decisions, not the
# site's: `check --deploy` stays quiet about them until they are taken.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]

# Email (password resets, notifications, the daily digest) through an SMTP server named
# by the environment. PLACEZERO_EMAIL_SECURITY is "starttls" (port 587 by default),
# "ssl" (465) or "none" (25, a relay on the same machine).
_EMAIL_SECURITY = os.environ.get("PLACEZERO_EMAIL_SECURITY", "starttls")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("PLACEZERO_EMAIL_HOST", "localhost"),
            "port": int(os.environ["PLACEZERO_EMAIL_PORT"])
            if os.environ.get("PLACEZERO_EMAIL_PORT")
            else None,
            "username": os.environ.get("PLACEZERO_EMAIL_USER", ""),
            "password": os.environ.get("PLACEZERO_EMAIL_PASSWORD", ""),
            "use_tls": _EMAIL_SECURITY == "starttls",
            "use_ssl": _EMAIL_SECURITY == "ssl",
            "timeout": float(os.environ.get("PLACEZERO_EMAIL_TIMEOUT_S", "10")),
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
