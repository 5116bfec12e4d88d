"""Starts this web process's worker thread with its first request (JOBS_WORKER = "thread"),
so periodic work runs and runs left queued by a restart resume without anyone opening
them. With "external" it does nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import workers
from .options import WorkerMode


class ThreadWorkerMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not workers.thread_worker_running() and workers.worker_mode() == WorkerMode.THREAD:
            workers.start_thread_worker()
        return self.get_response(request)
