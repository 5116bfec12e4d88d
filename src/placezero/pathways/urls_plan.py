"""Routes of the plan on a page, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path

from .views.plan import plan_page, plan_pdf

urlpatterns = [
    path("plan/", plan_page, name="plan"),
    path("plan.pdf", plan_pdf, name="plan_pdf"),
]
