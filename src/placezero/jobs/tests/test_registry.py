"""The registry of kinds and the system checks that guard it and the worker settings."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from placezero.jobs import UnknownJobKind, checks, get_kind, register_kind, registered_kinds
from placezero.jobs.registry import JobKindSpec, unregister_kind

from . import kinds


def _spec(key: str, **changes: object) -> JobKindSpec:
    fields = {f: getattr(kinds.SPEC, f) for f in kinds.SPEC.__dataclass_fields__}
    return JobKindSpec(**(fields | {"key": key} | changes))


def test_the_pathway_kinds_are_registered_by_their_app() -> None:
    assert {"pathways.optimise", "pathways.uncertainty", "pathways.batch"} <= set(
        registered_kinds()
    )


def test_a_key_must_be_app_label_dot_name() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"'app_label\.name'"):
        register_kind(_spec("Pathways-Optimise"))


def test_a_kind_is_registered_once(counting) -> None:
    with pytest.raises(ImproperlyConfigured, match="already registered"):
        register_kind(_spec(kinds.KEY))


def test_an_unknown_kind_names_itself_and_the_known_ones() -> None:
    with pytest.raises(UnknownJobKind) as raised:
        get_kind("pathways.optimize")
    message = str(raised.value)
    assert "'pathways.optimize'" in message and "pathways.optimise" in message
    assert "register it in its app's AppConfig.ready()" in message


def test_a_kind_naming_a_permission_nobody_registered_fails_the_checks() -> None:
    register_kind(_spec("jobs.misspelt", cancel_permission="jobs.cancle"))
    try:
        problems = checks.kind_permissions()
    finally:
        unregister_kind("jobs.misspelt")
    assert [p.id for p in problems] == ["jobs.E004", "jobs.E004", "jobs.E004"]
    assert "'jobs.cancle'" in problems[1].msg or "'jobs.cancle'" in problems[0].msg


def test_every_installed_kind_passes_the_checks() -> None:
    assert checks.kind_permissions() == []
    assert checks.worker_settings() == []


def test_worker_settings_are_checked(settings, monkeypatch) -> None:
    settings.JOBS_WORKER = "celery"
    settings.PATHWAY_JOBS_WORKER = "external"
    settings.JOBS_HEARTBEAT_S = 30
    settings.JOBS_WORKER_TIMEOUT_S = 60
    monkeypatch.setenv("PLACEZERO_PATHWAY_JOBS_WORKER", "external")
    problems = {p.id: p for p in checks.worker_settings()}
    assert set(problems) == {"jobs.E001", "jobs.E002", "jobs.E003", "jobs.W001"}
    assert "Rename the setting to JOBS_WORKER" in problems["jobs.E002"].hint
    assert "PLACEZERO_JOBS_WORKER" in problems["jobs.W001"].hint
