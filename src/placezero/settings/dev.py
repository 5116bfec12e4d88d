"""Local development: debug pages, console email, SQLite unless DATABASE_URL says otherwise."""

from __future__ import annotations

from .base import *  # noqa: F403

DEBUG = True
