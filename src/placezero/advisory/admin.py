"""The advisory repository in Django admin: administrators extend the taxonomies (audiences,
topics and their synonyms) and look after resources; officers see them read-only
(accounts.backends). Day-to-day curation is on the site's own pages, per place."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Audience, BestBet, Follow, Resource, ResourceDocument, Topic


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "synonyms")
    search_fields = ("name", "synonyms")
    prepopulated_fields = {"slug": ("name",)}


class ResourceDocumentInline(admin.TabularInline):
    model = ResourceDocument
    extra = 0
    readonly_fields = ("media_type", "size", "uploaded_by", "uploaded_at")
    fields = ("title", "file", "media_type", "size", "uploaded_by", "uploaded_at")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Uploads go through the resource page, which checks each file's content.
        return False


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "place", "status", "published_at", "closes_on", "is_demo")
    list_filter = ("kind", "status", "place", "is_demo", "audiences", "topics")
    search_fields = ("title", "summary", "provider")
    filter_horizontal = ("audiences", "topics")
    inlines = [ResourceDocumentInline]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("user", "place", "created_at")
    exclude = ("token",)  # secret: the follower's feed address


@admin.register(BestBet)
class BestBetAdmin(admin.ModelAdmin):
    list_display = ("resource", "queries", "order")
    autocomplete_fields = ("resource",)
