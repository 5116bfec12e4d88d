"""Following: a signed-in person chooses topics and audiences of a place and gets an Atom
feed at a secret address (readable by a feed reader, which cannot sign in); every topic also
has a public feed. Both include the outputs other modules publish."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_http_methods, require_POST

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import FollowForm
from ..services import FeedEntry
from .search import render_home


def _place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Any:
    return place_or_404(place_slug, request)


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.follow", get_object=_place)
def follow_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    follow = services.follow_of(request.user, place)
    initial = (
        {"topics": list(follow.topics.all()), "audiences": list(follow.audiences.all())}
        if follow
        else {}
    )
    form = FollowForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if request.POST.get("action") == "reset":
            services.reset_feed_token(request.user, place)
            return redirect("advisory:follow", place_slug=place.slug)
        if form.is_valid():
            services.set_follow(
                request.user,
                place,
                topics=[t.slug for t in form.cleaned_data["topics"]],
                audiences=[a.slug for a in form.cleaned_data["audiences"]],
            )
            return redirect("advisory:follow", place_slug=place.slug)
    feed_url = (
        request.build_absolute_uri(reverse("advisory:follower_feed", args=[follow.token]))
        if follow
        else ""
    )
    return render(
        request,
        "advisory/follow.html",
        {
            "place": place,
            "form": form,
            "follow": follow,
            "feed_url": feed_url,
            "errors": error_summary_items(form) if form.is_bound else [],
            "saved_searches": services.saved_searches_of(request.user, place),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@requires("advisory.follow", get_object=_place)
def save_search(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Save the search the person is looking at (its words and filters come as the form's
    hidden fields) and follow it; a refusal shows the same search with the reason."""
    place = place_or_404(place_slug, request)
    data = request.POST
    try:
        services.save_search(
            request.user,
            place,
            data.get("q", ""),
            kind=data.get("kind", ""),
            topic=data.get("topic", ""),
            audience=data.get("audience", ""),
        )
    except ValidationError as error:
        messages = error.messages
        return render_home(
            request,
            place,
            data,
            save_errors=[{"href": "#save-search", "message": m} for m in messages],
        )
    return redirect(reverse("advisory:follow", args=[place.slug]) + "#saved-searches")


@require_POST
@requires("advisory.follow", get_object=_place)
def saved_search_delete(
    request: HttpRequest, place_slug: str, saved_search_id: int
) -> HttpResponse:
    place = place_or_404(place_slug, request)
    services.delete_saved_search(request.user, place, saved_search_id)
    return redirect(reverse("advisory:follow", args=[place.slug]) + "#saved-searches")


class _EntryFeed(Feed):
    feed_type = Atom1Feed

    def items(self, obj: tuple[Any, list[FeedEntry]]) -> list[FeedEntry]:
        return obj[1]

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_description(self, item: FeedEntry) -> str:
        return item.summary

    def item_link(self, item: FeedEntry) -> str:
        return item.url

    def item_guid(self, item: FeedEntry) -> str:
        return item.unique_id

    def item_updateddate(self, item: FeedEntry) -> Any:
        return item.updated

    def item_pubdate(self, item: FeedEntry) -> Any:
        return item.updated

    def item_categories(self, item: FeedEntry) -> tuple[str, ...]:
        return item.categories


class FollowerFeed(_EntryFeed):
    """/advice/feeds/<token>/: what one person follows; the token is the permission."""

    def get_object(self, request: HttpRequest, token: str) -> Any:
        return services.feed_for_token(token)

    def title(self, obj: Any) -> str:
        return f"Advice and funding you follow in {obj[0].place.name}"

    def link(self, obj: Any) -> str:
        return reverse("advisory:home", args=[obj[0].place.slug])

    def subtitle(self, obj: Any) -> str:
        follow = obj[0]
        names = [t.name for t in follow.topics.all()] + [a.name for a in follow.audiences.all()]
        return "New resources and published outputs on: " + ", ".join(names)


class TopicFeed(_EntryFeed):
    """/places/<slug>/advice/topics/<topic>/feed/: one topic, public."""

    def get_object(self, request: HttpRequest, place_slug: str, topic: str) -> Any:
        place = place_or_404(place_slug)
        found_topic, entries = services.topic_feed(place, request.user, topic)
        return place, found_topic, entries

    def items(self, obj: Any) -> list[FeedEntry]:
        return obj[2]

    def title(self, obj: Any) -> str:
        return f"{obj[1].name}: advice and funding in {obj[0].name}"

    def link(self, obj: Any) -> str:
        return reverse("advisory:home", args=[obj[0].slug]) + f"?topic={obj[1].slug}"

    def subtitle(self, obj: Any) -> str:
        return f"New resources and published outputs about {obj[1].name.lower()}"


class SavedSearchFeed(_EntryFeed):
    """/advice/feeds/searches/<token>/: what one saved search finds; the token is the
    permission."""

    def get_object(self, request: HttpRequest, token: str) -> Any:
        return services.saved_search_feed(token)

    def items(self, obj: Any) -> list[FeedEntry]:
        return obj[2]

    def title(self, obj: Any) -> str:
        return f"Your saved search {obj[1]}: advice and funding in {obj[0].place.name}"

    def link(self, obj: Any) -> str:
        saved = obj[0]
        return services.search_url(saved.place, saved.query, saved.filters())

    def subtitle(self, obj: Any) -> str:
        return f"Resources and published outputs that the search {obj[1]} finds"
