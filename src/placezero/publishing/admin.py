"""Published outputs in the admin: to look, not to edit (modules publish through services)."""

from django.contrib import admin

from .models import OutputTag, PublishedOutput


class OutputTagInline(admin.TabularInline):
    model = OutputTag
    extra = 0
    can_delete = False
    readonly_fields = ("facet", "value", "position")


@admin.register(PublishedOutput)
class PublishedOutputAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "key", "place", "updated_at", "withdrawn_at")
    list_filter = ("kind", "place")
    search_fields = ("title", "key")
    readonly_fields = [f.name for f in PublishedOutput._meta.fields]
    inlines = [OutputTagInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
