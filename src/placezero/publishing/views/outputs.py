"""The published outputs of a place, as a page (`/places/<slug>/published/`) and as an Atom
feed (`…/published/feed.atom`), both filtered by `?audience=` and `?topic=`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import OutputFilterForm
from ..options import Audience

if TYPE_CHECKING:
    from placezero.places.models import Place

    from ..models import PublishedOutput


@require_safe
@requires("publishing.view")
def index(request: HttpRequest) -> HttpResponse:
    """`/published/`: the default place's outputs (the menu's entry when no place is chosen)."""
    return redirect("publishing:place", place_slug=places.get_place().slug)


def _filter_form(request: HttpRequest, place: Place) -> OutputFilterForm:
    data = request.GET if any(request.GET.get(name) for name in ("audience", "topic")) else None
    return OutputFilterForm(data, topics=services.topics_in_use(place))


def _query(filters: dict[str, str | None]) -> str:
    chosen = {name: value for name, value in filters.items() if value}
    return f"?{urlencode(chosen)}" if chosen else ""


@require_safe
@requires("publishing.view")
def place_outputs(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = _filter_form(request, place)
    filters = form.filters()
    found = services.outputs(place=place, **filters)
    feed_url = reverse("publishing:feed", kwargs={"place_slug": place.slug}) + _query(filters)
    audience_labels = dict(Audience.choices)
    return render(
        request,
        "publishing/place_outputs.html",
        {
            "place": place,
            "form": form,
            "outputs": [
                (output, [audience_labels[a] for a in output.audiences]) for output in found
            ],
            "filtered": any(filters.values()),
            "feed_url": feed_url,
            "audience_label": audience_labels.get(filters["audience"] or ""),
            "topic": filters["topic"],
        },
    )


class PlaceOutputsFeed(Feed):
    """Atom (RFC 4287): one entry per output on show, newest change first."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, place: Place, filters: dict[str, Any]) -> Any:
        self.request = request
        return {"place": place, "filters": filters}

    def title(self, obj: dict[str, Any]) -> str:
        place, filters = obj["place"], obj["filters"]
        parts = (
            [f"for {dict(Audience.choices)[filters['audience']].lower()}"]
            if filters["audience"]
            else []
        )
        if filters["topic"]:
            parts.append(f"about {filters['topic']}")
        return " ".join([f"Published outputs of {place.name}", *parts])

    def subtitle(self, obj: dict[str, Any]) -> str:
        return (
            f"Plans, pathways and reports the modules of placezero publish for {obj['place'].name}."
        )

    def link(self, obj: dict[str, Any]) -> str:
        url = reverse("publishing:place", kwargs={"place_slug": obj["place"].slug})
        return url + _query(obj["filters"])

    def feed_guid(self, obj: dict[str, Any]) -> str:
        return self.request.build_absolute_uri(
            reverse("publishing:feed", kwargs={"place_slug": obj["place"].slug})
            + _query(obj["filters"])
        )

    def author_name(self, obj: dict[str, Any]) -> str:
        return f"placezero for {obj['place'].name}"

    def items(self, obj: dict[str, Any]) -> list[PublishedOutput]:
        return services.outputs(place=obj["place"], **obj["filters"])

    def item_title(self, item: PublishedOutput) -> str:
        return item.title

    def item_description(self, item: PublishedOutput) -> str:
        return item.summary

    def item_link(self, item: PublishedOutput) -> str:
        return item.url

    def item_guid(self, item: PublishedOutput) -> str:
        # A tag URI (RFC 4151) that never changes for this output: host, the day it was first
        # published, and its kind and key.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{item.published_at:%Y-%m-%d}:{item.kind}/{item.key}"

    def item_guid_is_permalink(self, item: PublishedOutput) -> bool:
        return False

    def item_updateddate(self, item: PublishedOutput) -> Any:
        return item.updated_at

    def item_pubdate(self, item: PublishedOutput) -> Any:
        return item.published_at

    def item_author_name(self, item: PublishedOutput) -> str:
        return item.output_kind.module  # type: ignore[attr-defined]

    def item_categories(self, item: PublishedOutput) -> tuple[str, ...]:
        return (item.output_kind.label, *item.topics)  # type: ignore[attr-defined]


_feed = PlaceOutputsFeed()


@require_safe
@requires("publishing.view")
def place_feed(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = _filter_form(request, place)
    if form.is_bound and not form.is_valid():
        problems = " ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(
            f"This feed cannot be filtered that way. {problems}",
            content_type="text/plain; charset=utf-8",
        )
    return _feed(request, place=place, filters=form.filters())
