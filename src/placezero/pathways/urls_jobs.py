"""Routes of the long runs list and start forms, under /places/<slug>/pathway/ (see urls.py).
A run's own page is the jobs app's: /jobs/<id>/."""

from django.urls import path

from .views import jobs

urlpatterns = [
    path("runs/", jobs.job_list, name="jobs"),
    path("runs/<int:job_id>/", jobs.job_moved, name="job_moved"),
]
