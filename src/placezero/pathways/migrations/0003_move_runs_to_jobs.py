"""Long runs move from `pathways.PathwayJob` to the jobs app's `Job` (the next migration
drops the old table).

Each run keeps its number (so an old link still finds it), its kind as a registered key
("optimise" → "pathways.optimise"), its scenario as the job's subject, and everything else
as it was. A run still going cannot be finished by the new workers, so it is marked failed
with a message saying why. The reverse copies pathway jobs back."""

from django.core.management.color import no_style
from django.db import migrations
from django.utils import timezone

MOVED_WHILE_RUNNING = (
    "This run was going when placezero moved long runs to its jobs app; start it again."
)
COPIED = (
    "place_id",
    "parameters",
    "status",
    "progress_done",
    "progress_total",
    "message",
    "result",
    "cancel_requested",
    "created_by_id",
    "created_at",
    "started_at",
    "finished_at",
)
PREFIX = "pathways."


def _reset_sequence(schema_editor, model) -> None:
    """Rows were written with their old ids: move PostgreSQL's id sequence past them."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(statement)


def _scenario_type(apps, db):
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.using(db).get_or_create(
        app_label="pathways", model="pathwayscenario"
    )[0]


def forwards(apps, schema_editor) -> None:
    old_jobs = apps.get_model("pathways", "PathwayJob")
    jobs = apps.get_model("jobs", "Job")
    db = schema_editor.connection.alias
    scenario_type = _scenario_type(apps, db)
    now = timezone.now()
    moved = []
    for old in old_jobs.objects.using(db).order_by("pk").iterator():
        job = jobs(pk=old.pk, kind=PREFIX + old.kind, **{f: getattr(old, f) for f in COPIED})
        if old.scenario_id is not None:
            job.subject_type_id = scenario_type.pk
            job.subject_id = str(old.scenario_id)
        if old.status == "running":
            job.status, job.finished_at, job.message = "failed", now, MOVED_WHILE_RUNNING
        moved.append(job)
    jobs.objects.using(db).bulk_create(moved, batch_size=500)
    _reset_sequence(schema_editor, jobs)


def backwards(apps, schema_editor) -> None:
    old_jobs = apps.get_model("pathways", "PathwayJob")
    jobs = apps.get_model("jobs", "Job")
    scenarios = apps.get_model("pathways", "PathwayScenario")
    db = schema_editor.connection.alias
    scenario_type = _scenario_type(apps, db)
    pathway_jobs = jobs.objects.using(db).filter(kind__startswith=PREFIX).order_by("pk")
    subjects = set(
        pathway_jobs.filter(subject_type_id=scenario_type.pk).values_list("subject_id", flat=True)
    )
    existing = {
        str(pk)
        for pk in scenarios.objects.using(db)
        .filter(pk__in=[int(s) for s in subjects if s.isdigit()])
        .values_list("pk", flat=True)
    }
    for job in pathway_jobs.iterator():
        scenario_id = None
        if job.subject_type_id == scenario_type.pk and job.subject_id in existing:
            scenario_id = int(job.subject_id)
        fields = {f: getattr(job, f) for f in COPIED}
        old_jobs.objects.using(db).create(
            pk=job.pk, kind=job.kind.removeprefix(PREFIX), scenario_id=scenario_id, **fields
        )
        # `created_at` was auto_now_add on the old model: put the run's own time back.
        old_jobs.objects.using(db).filter(pk=job.pk).update(created_at=job.created_at)
    pathway_jobs.delete()
    _reset_sequence(schema_editor, old_jobs)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("jobs", "0001_initial"),
        ("pathways", "0002_job_kind_batch"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
