"""Runs, workers and periodic tasks in Django admin, to look things up (officers read-only)."""

from django.contrib import admin

from .models import Job, PeriodicRun, Worker


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "place", "progress_done", "progress_total", "worker")
    list_filter = ("status", "kind")
    search_fields = ("kind", "message")
    raw_id_fields = ("created_by", "worker")


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    list_display = ("name", "mode", "started_at", "heartbeat_at", "stopped_at")


@admin.register(PeriodicRun)
class PeriodicRunAdmin(admin.ModelAdmin):
    list_display = ("key", "next_due_at", "last_started_at", "last_outcome")
