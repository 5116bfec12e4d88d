from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(SimpleHistoryAdmin):
    list_display = ("created_at", "status", "satisfaction", "page")
    list_filter = ("status", "satisfaction")
    # The device hash and the secret link's hash are of no use to a person.
    exclude = ("client_key", "secret_hash")
