"""The data migration that moves pathway runs into the jobs app (pathways 0003, 0004),
forwards and back, on whichever database the suite runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from placezero.accounts.tests.factories import UserFactory
from placezero.jobs.models import Job
from placezero.places.models import Place

BEFORE = [("pathways", "0002_job_kind_batch")]
AFTER = [("pathways", "0004_drop_pathwayjob")]


def _migrate(targets: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_pathway_runs_move_to_jobs_keeping_their_numbers_and_back() -> None:
    """Rule: every PathwayJob becomes a jobs.Job with the same id, its kind as a registered
    key, its scenario as the subject and its times kept; a run that was going is marked
    failed saying why; new runs are numbered after them; the reverse restores them."""
    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old_apps = _migrate(BEFORE)
        old_jobs = old_apps.get_model("pathways", "PathwayJob")
        # Tables other migrations left as they are today: the current models write them.
        place = Place.objects.create(slug="moving", name="Moving")
        user = UserFactory()
        # The scenario as it was then: its shared history table (pathways 0005) comes later.
        scenario = old_apps.get_model("pathways", "PathwayScenario").objects.create(
            place_id=place.pk, name="Draft", definition={"levers": {"domestic_heat_pumps": 3}}
        )
        long_ago = timezone.now() - timedelta(days=30)
        done = old_jobs.objects.create(
            place_id=place.pk,
            scenario_id=scenario.pk,
            kind="optimise",
            parameters={"goal": "reduction", "target_year": 2050, "reduction_percent": 40},
            status="succeeded",
            progress_done=4,
            progress_total=4,
            message="Finished in 2.0 seconds.",
            result={"cost_gbp": 1.0},
            created_by_id=user.pk,
            started_at=long_ago,
            finished_at=long_ago,
        )
        old_jobs.objects.filter(pk=done.pk).update(created_at=long_ago)
        going = old_jobs.objects.create(
            place_id=place.pk, kind="uncertainty", status="running", progress_total=200
        )

        new = _migrate(AFTER)
        jobs = new.get_model("jobs", "Job")
        scenario_type = new.get_model("contenttypes", "ContentType").objects.get(
            app_label="pathways", model="pathwayscenario"
        )
        moved = jobs.objects.get(pk=done.pk)
        assert moved.kind == "pathways.optimise" and moved.place_id == place.pk
        assert (moved.subject_type_id, moved.subject_id) == (scenario_type.pk, str(scenario.pk))
        assert moved.status == "succeeded" and moved.result == {"cost_gbp": 1.0}
        assert moved.parameters["reduction_percent"] == 40
        assert (moved.progress_done, moved.progress_total) == (4, 4)
        assert moved.created_at == long_ago and moved.created_by_id == user.pk
        was_going = jobs.objects.get(pk=going.pk)
        assert was_going.kind == "pathways.uncertainty" and was_going.subject_type_id is None
        assert was_going.status == "failed" and was_going.finished_at is not None
        assert "moved long runs to its jobs app; start it again" in was_going.message
        fresh = jobs.objects.create(kind="pathways.batch", place_id=place.pk)
        assert fresh.pk > going.pk  # the id sequence moved past the kept numbers

        fresh.delete()
        back = _migrate(BEFORE).get_model("pathways", "PathwayJob")
        restored = back.objects.get(pk=done.pk)
        assert restored.kind == "optimise" and restored.scenario_id == scenario.pk
        assert restored.created_at == long_ago and restored.status == "succeeded"
        assert back.objects.get(pk=going.pk).status == "failed"
        assert not Job.objects.exists()  # the jobs table itself stays (jobs 0001)
    finally:
        MigrationExecutor(connection).migrate(leaf)
