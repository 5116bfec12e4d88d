"""The queue's rows: a `Job` per background run of any app, a `Worker` per worker thread or
process (with its heartbeat), and a `PeriodicRun` per periodic task (when it is next due,
how it went last time)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .options import JobStatus, PeriodicOutcome, WorkerMode
from .registry import registered_kinds


class Worker(models.Model):
    """A worker thread or process. It beats (`heartbeat_at`) every JOBS_HEARTBEAT_S while it
    lives, a job or not; a worker silent for JOBS_WORKER_TIMEOUT_S is taken for dead and its
    running jobs are marked failed by whoever notices first."""

    name = models.CharField(max_length=160, unique=True)
    mode = models.CharField(max_length=20, choices=WorkerMode.choices)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(default=timezone.now, db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return self.name


class JobQuerySet(models.QuerySet["Job"]):
    def visible_for(self, user: Any) -> JobQuerySet:
        """The runs `user` may see: those of a kind whose view permission allows them, asked
        per kind and place (a place-scoped rule sees each place's job), and always their own.
        A job of a kind no longer installed is shown to nobody."""
        from placezero.accounts.permissions import check, is_signed_in

        kinds = registered_kinds()
        pairs = self.order_by().values_list("kind", "place_id").distinct()
        allowed: dict[str, list[int | None]] = {}
        refused: set[str] = set()
        for kind, place_id in pairs:
            spec = kinds.get(kind)
            probe = Job(kind=kind, place_id=place_id)
            if spec is not None and check(user, spec.permission_to_view, probe):
                allowed.setdefault(kind, []).append(place_id)
            else:
                refused.add(kind)
        condition = Q(pk__in=[])
        for kind, places in allowed.items():
            if kind not in refused:
                condition |= Q(kind=kind)  # every place: no need to list them
                continue
            condition |= Q(kind=kind, place_id__in=[p for p in places if p is not None])
            if None in places:
                condition |= Q(kind=kind, place__isnull=True)
        if is_signed_in(user):
            condition |= Q(created_by=user)
        return self.filter(condition)

    def unfinished(self) -> JobQuerySet:
        return self.filter(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))


class Job(models.Model):
    """One background run: what kind (a registered key), for which place and about what
    (`subject`, any model of any app), with what parameters; its status, progress, message
    and compact JSON result; who started it and which worker holds it."""

    kind = models.CharField(max_length=80, db_index=True, help_text="a registered job kind")
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # What the run is about, in the app's own terms: a content type and the object's key
    # (text, so any primary key fits). No database link: a run keeps a snapshot of what it
    # ran in `parameters`, so it stays readable when its subject is deleted.
    subject_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL
    )
    subject_id = models.CharField(max_length=64, blank=True, default="")
    subject = GenericForeignKey("subject_type", "subject_id")
    parameters = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)
    cancel_requested = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Who asked to cancel: kept for the record and shown like `created_by` (the run's
    # message names only their role, because everyone who can see the run reads it).
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="job_queue_order"),
            models.Index(fields=["subject_type", "subject_id"], name="job_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_title} #{self.pk} ({self.get_status_display()})"

    @property
    def kind_title(self) -> str:
        spec = registered_kinds().get(self.kind)
        return spec.title if spec is not None else self.kind

    @property
    def progress_percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))


class PeriodicRun(models.Model):
    """A periodic task's state: when it is next due and how its last run went. A worker
    takes a due task by moving `next_due_at` on in one conditional update, so it runs once
    per period however many workers look."""

    key = models.CharField(max_length=80, unique=True)
    next_due_at = models.DateTimeField(default=timezone.now)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=20, choices=PeriodicOutcome.choices, blank=True)
    last_message = models.TextField(blank=True)
    last_worker = models.CharField(max_length=160, blank=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key
