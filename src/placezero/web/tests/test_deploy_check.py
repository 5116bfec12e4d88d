"""`manage.py check --deploy` with the production settings is clean: no error and no
warning (HTTPS, HSTS, secure cookies, a real mail backend, a real secret)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

MANAGE = Path(__file__).resolve().parents[4] / "manage.py"


def _check_deploy(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "placezero.settings.production",
        "PLACEZERO_SECRET_KEY": secrets.token_urlsafe(50),
        **environment,
    }
    env.pop("DATABASE_URL", None)  # the check needs no database
    command = [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    result = _check_deploy()
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_catches_a_weak_secret():
    result = _check_deploy(PLACEZERO_SECRET_KEY="short")
    assert result.returncode != 0
    assert "security.W009" in result.stderr
