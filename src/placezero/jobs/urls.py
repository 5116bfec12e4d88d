"""Routes of a run's pages, for a job of any kind: /jobs/<id>/…"""

from django.urls import path

from .views import runs

app_name = "jobs"
urlpatterns = [
    path("jobs/<int:job_id>/", runs.job_detail, name="detail"),
    path("jobs/<int:job_id>/progress/", runs.job_progress, name="progress"),
    path("jobs/<int:job_id>/cancel/", runs.job_cancel, name="cancel"),
    path("jobs/<int:job_id>/results.<str:fmt>", runs.job_download, name="download"),
]
