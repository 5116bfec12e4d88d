"""Django admin for governance records, with their history (simple_history's admin)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Answer,
    Body,
    BodyMember,
    Decision,
    EvaluationRound,
    Interest,
    Meeting,
    PactSignatory,
    Power,
    Principle,
    Question,
    RoutingRule,
    Vote,
)


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "place", "parent", "quorum")
    list_filter = ("place", "kind")


@admin.register(BodyMember)
class BodyMemberAdmin(SimpleHistoryAdmin):
    list_display = ("user", "organisation", "body", "role", "term_start", "term_end")
    list_filter = ("body__place", "role")


@admin.register(Power)
class PowerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "topic", "tier", "place")
    list_filter = ("place", "tier", "topic")


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "title", "place", "body", "route", "status", "deadline")
    list_filter = ("place", "status", "route")


for model in (
    Meeting,
    PactSignatory,
    RoutingRule,
    Interest,
    Vote,
    Principle,
    EvaluationRound,
    Answer,
):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(Question)
