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
