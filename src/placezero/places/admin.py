"""Admin for places. Official statistics and pack loads come from a place pack and are
read-only here: a figure changed by hand would no longer trace back to its published source.
Targets stay editable, because councils change them and the history is the point."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import (
    Area,
    AreaStatistic,
    Dataset,
    NetZeroTarget,
    Place,
    PlaceLoad,
    RenewableSite,
    TargetVersion,
    Zone,
    ZoneStatistic,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows rows that only a pack load may write."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "loaded_at", "pack_digest"]
    readonly_fields = ["pack_digest", "loaded_at"]
    search_fields = ["name", "slug"]


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "kind", "role", "place"]
    list_filter = ["place", "kind", "role"]
    search_fields = ["name", "code"]
    exclude = ["geometry"]


@admin.register(Zone)
class ZoneAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "local_name", "area"]
    list_filter = ["place", "area"]
    list_select_related = ["area"]
    search_fields = ["code", "name", "local_name"]
    exclude = ["geometry"]


@admin.register(Dataset)
class DatasetAdmin(ReadOnlyAdmin):
    list_display = ["title", "key", "publisher", "licence", "place"]
    list_filter = ["place", "publisher"]


@admin.register(AreaStatistic)
class AreaStatisticAdmin(ReadOnlyAdmin):
    list_display = ["area", "variable", "scenario", "year", "value", "unit", "dataset"]
    list_filter = ["dataset", "variable", "scenario"]
    list_select_related = ["area", "dataset"]
    search_fields = ["area__code", "area__name", "variable"]


@admin.register(ZoneStatistic)
class ZoneStatisticAdmin(ReadOnlyAdmin):
    list_display = ["zone", "variable", "scenario", "year", "value", "unit", "dataset"]
    list_filter = ["dataset", "variable", "scenario"]
    list_select_related = ["zone", "dataset"]
    search_fields = ["zone__code", "zone__name", "variable"]


@admin.register(RenewableSite)
class RenewableSiteAdmin(ReadOnlyAdmin):
    list_display = ["name", "technology", "capacity_mw", "status", "planning_authority"]
    list_filter = ["place", "technology", "status"]
    search_fields = ["name", "ref_id"]


@admin.register(PlaceLoad)
class PlaceLoadAdmin(ReadOnlyAdmin):
    list_display = ["place", "loaded_at", "loaded_by", "pack_digest", "duration_s"]
    list_filter = ["place"]


class TargetVersionInline(admin.TabularInline):
    """New versions may be added; recorded ones are shown but never edited or deleted: a
    superseded target is history, not a mistake."""

    model = TargetVersion
    extra = 1
    fields = [
        "net_zero_year",
        "valid_from",
        "decision",
        "source",
        "date_precision",
        "assumption",
        "from_pack",
        "recorded_by",
        "recorded_at",
    ]
    readonly_fields = ["from_pack", "recorded_by", "recorded_at"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(NetZeroTarget)
class NetZeroTargetAdmin(admin.ModelAdmin):
    list_display = ["area", "scope", "place"]
    list_filter = ["place", "scope"]
    list_select_related = ["area", "place"]
    inlines = [TargetVersionInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A target's area and scope are its identity; its history hangs on them.
        return ["place", "area", "scope"] if obj else []

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # Who recorded a change is part of the audit trail.
        for version in formset.save(commit=False):
            if version.recorded_by_id is None:
                version.recorded_by = request.user
            version.save()
        formset.save_m2m()
