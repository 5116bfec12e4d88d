"""The test suite: fast hashing, in-memory email; DATABASE_URL selects PostgreSQL."""

from __future__ import annotations

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Each test runs inside a transaction that is rolled back, so emails deferred to the commit
# would never go; tests send them at once (test_notifications checks the deferred way).
ACTIVITY_EMAIL_AFTER_COMMIT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests run jobs themselves (`run_job`, `work(once=True)`); one that wants the web
# process's worker thread sets JOBS_WORKER = "thread" and stops it afterwards.
JOBS_WORKER = "external"
# A second, empty database of the same engine for the backup test to restore into; only a
# test that asks for it (django_db(databases=[…, "restore"])) gets it created.
# (SQLite: an in-memory database of its own; PostgreSQL: test_<name>_restore.)
DATABASES["restore"] = {**DATABASES["default"], "TEST": {}}  # noqa: F405
if "postgresql" in DATABASES["restore"]["ENGINE"]:  # noqa: F405
    DATABASES["restore"]["TEST"]["NAME"] = f"test_{DATABASES['default']['NAME']}_restore"  # noqa: F405
