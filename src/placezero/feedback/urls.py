from __future__ import annotations

from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("feedback/", views.give, name="give"),
    path("feedback/thanks/", views.thanks, name="thanks"),
    path("feedback/mine/<str:token>/", views.mine, name="mine"),
    path("feedback/review/", views.review_list, name="review"),
    path("feedback/review/<int:pk>/", views.review_one, name="review_one"),
]
