from django.contrib import admin

from .models import Contribution, ModerationDecision


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ("pk", "place", "zone", "technology", "stance", "status", "is_demo")
    list_filter = ("place", "status", "technology", "is_demo")
    # Personal data stays out of the admin's lists and forms.
    exclude = ("client_key", "secret_hash")


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    list_display = ("contribution", "decision", "decided_by", "decided_at")
