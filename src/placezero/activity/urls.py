"""Routes of a person's inbox, their notification choices and unsubscribe links."""

from django.urls import path

from .views import inbox, preferences, unsubscribe

app_name = "activity"
urlpatterns = [
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/<int:notification_id>/read/", inbox.mark, name="mark"),
    path("inbox/read-all/", inbox.mark_all, name="mark_all"),
    path("inbox/settings/", preferences.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
