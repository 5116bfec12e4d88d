"""Routes of the pathway jobs pages, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path

from .views import jobs

urlpatterns = [
    path("runs/", jobs.job_list, name="jobs"),
    path("runs/<int:job_id>/", jobs.job_detail, name="job"),
    path("runs/<int:job_id>/progress/", jobs.job_progress, name="job_progress"),
    path("runs/<int:job_id>/cancel/", jobs.job_cancel, name="job_cancel"),
    path("runs/<int:job_id>/results.<str:fmt>", jobs.job_download, name="job_download"),
]
