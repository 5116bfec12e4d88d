"""`manage.py check --deploy` passes with the production settings and the environment a
site sets (SMTP from the environment, the site's HTTPS address, a real sender)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]


def check_deploy(**environment: str) -> subprocess.CompletedProcess[str]:
    # The server's environment, not the test run's: no test database, and not the browser
    # tests' DJANGO_ALLOW_ASYNC_UNSAFE (which check --deploy rightly refuses).
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PLACEZERO_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "placezero.settings.production",
        "PLACEZERO_SECRET_KEY": "a-long-random-production-key-" + "x7Q2" * 12,
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_check_deploy_passes_with_production_settings() -> None:
    done = check_deploy(
        PLACEZERO_SITE_URL="https://netzero.example.org",
        PLACEZERO_DEFAULT_FROM_EMAIL="Net zero <netzero@example.org>",
        PLACEZERO_EMAIL_HOST="smtp.example.org",
        PLACEZERO_EMAIL_USER="netzero",
        PLACEZERO_EMAIL_PASSWORD="secret",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


@pytest.mark.slow
def test_check_deploy_says_what_email_needs() -> None:
    done = check_deploy()
    assert done.returncode != 0
    assert "activity.W001" in done.stderr + done.stdout
    assert "activity.W002" in done.stderr + done.stdout
