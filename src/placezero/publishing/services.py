"""The publishing app's door: publish an output, withdraw it, list what is published.

    services.publish("pathways.plan", place=place, key="leicestershire", title=..., summary=...,
                     url="/places/leicestershire/pathway/plan/", audiences=("public",),
                     topics=("heat",), updated_at=scenario.updated_at)
    services.unpublish("pathways.preferred", key="leicestershire/scenario-12")
    services.outputs(place=place, audience="investors", topic="solar")

Publishing is idempotent per kind and key: publishing the same thing again changes nothing,
not even `updated_at`; publishing something different under the same key replaces it. The
caller has checked its own permission (publishing is what a module's service does after a
change it allowed); everything published is public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import OutputFacet, OutputTag, PublishedOutput
from .registry import (
    OutputKind,
    PublishingError,
    audiences_error,
    clean_topics,
    get_output_kind,
    registered_output_kinds,
    unknown_audiences,
)

if TYPE_CHECKING:
    from placezero.places.models import Place

__all__ = ["outputs", "publish", "topics_in_use", "unpublish"]

# A module's stable id for one output: e.g. "leicestershire" or "leicestershire/scenario-12".
OUTPUT_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")
TITLE_MAX = 200
SUMMARY_MAX = 1000
URL_MAX = 500
_absolute_url = URLValidator(schemes=["http", "https"])


def _clean_url(url: str) -> str:
    """A path on this site ("/places/…") or an http(s) address; anything else is refused."""
    url = (url or "").strip()
    problem = (
        "Give the output's address as a path on this site starting with '/' "
        "(for example '/places/leicestershire/pathway/plan/') or as a full http(s) address."
    )
    if not url or len(url) > URL_MAX or any(ch.isspace() for ch in url):
        raise PublishingError({"url": f"The address {url!r} will not do. {problem}"})
    if url.startswith("/"):
        if url.startswith("//") or "\\" in url:
            raise PublishingError({"url": f"The address {url!r} will not do. {problem}"})
        return url
    try:
        _absolute_url(url)
    except ValidationError:
        raise PublishingError({"url": f"The address {url!r} will not do. {problem}"}) from None
    return url


def _clean_audiences(kind: OutputKind, audiences: Iterable[str] | None) -> tuple[str, ...]:
    if audiences is None:
        return kind.audiences
    if isinstance(audiences, str):
        audiences = (audiences,)
    chosen = tuple(dict.fromkeys(audiences))
    if not chosen:
        raise PublishingError(
            {"audiences": f"Say who the output is for, among: {', '.join(kind.audiences)}."}
        )
    if unknown := unknown_audiences(chosen):
        raise PublishingError({"audiences": audiences_error(unknown)})
    if outside := [a for a in chosen if a not in kind.audiences]:
        raise PublishingError(
            {
                "audiences": f"Outputs of the kind {kind.key!r} are for "
                f"{', '.join(kind.audiences)}, not {', '.join(outside)}: choose among those, "
                "or add the audience to the kind where its app registers it."
            }
        )
    return chosen


def _clean_text(field: str, value: str, limit: int) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise PublishingError({field: f"An output needs a {field}: it is what the list shows."})
    if len(text) > limit:
        raise PublishingError(
            {field: f"The {field} is {len(text)} characters long; keep it to {limit}."}
        )
    return text


def _clean(
    kind: OutputKind,
    place: Place | None,
    key: str,
    title: str,
    summary: str,
    url: str,
    audiences: Iterable[str] | None,
    topics: Iterable[str] | None,
    updated_at: dt.datetime | None,
) -> dict[str, Any]:
    if place is None or getattr(place, "pk", None) is None:
        raise PublishingError({"place": "Say which (loaded) place the output is about."})
    if not isinstance(key, str) or not OUTPUT_KEY.match(key):
        raise PublishingError(
            {
                "key": f"The key {key!r} will not do: give the output a stable id of letters, "
                "digits and . _ : / - (at most 200 characters), e.g. 'leicestershire'."
            }
        )
    if updated_at is not None and timezone.is_naive(updated_at):
        raise PublishingError({"updated_at": "Give updated_at with its time zone (aware)."})
    return {
        "place": place,
        "title": _clean_text("title", title, TITLE_MAX),
        "summary": _clean_text("summary", summary, SUMMARY_MAX),
        "url": _clean_url(url),
        "audiences": _clean_audiences(kind, audiences),
        "topics": kind.topics if topics is None else clean_topics(topics),
    }


def _same(output: PublishedOutput, cleaned: dict[str, Any]) -> bool:
    return (
        output.withdrawn_at is None
        and output.place_id == cleaned["place"].pk
        and (output.title, output.summary, output.url)
        == (cleaned["title"], cleaned["summary"], cleaned["url"])
        and output.audiences == cleaned["audiences"]
        and output.topics == cleaned["topics"]
    )


def _write_tags(output: PublishedOutput, audiences: Sequence[str], topics: Sequence[str]) -> None:
    output.tags.all().delete()
    OutputTag.objects.bulk_create(
        [
            OutputTag(output=output, facet=facet, value=value, position=position)
            for facet, values in ((OutputFacet.AUDIENCE, audiences), (OutputFacet.TOPIC, topics))
            for position, value in enumerate(values)
        ]
    )


def publish(
    kind: str,
    *,
    place: Place,
    key: str,
    title: str,
    summary: str,
    url: str,
    audiences: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    updated_at: dt.datetime | None = None,
) -> PublishedOutput:
    """Publish (or re-publish) the output `key` of `kind`, about `place`.

    `audiences` default to the kind's and must be among them; `topics` default to the
    kind's. `updated_at` is when the output itself last changed; without it, a publish that
    changes what is shown stamps now and one that changes nothing keeps the old date.
    Raises UnknownOutputKind, or PublishingError naming the field to fix (nothing written)."""
    spec = get_output_kind(kind)
    cleaned = _clean(spec, place, key, title, summary, url, audiences, topics, updated_at)
    try:
        with transaction.atomic():
            return _upsert(spec, key, cleaned, updated_at)
    except IntegrityError:
        # Another process published the same kind and key at the same moment: update theirs.
        with transaction.atomic():
            return _upsert(spec, key, cleaned, updated_at)


def _upsert(
    spec: OutputKind, key: str, cleaned: dict[str, Any], updated_at: dt.datetime | None
) -> PublishedOutput:
    output = (
        PublishedOutput.objects.select_for_update()
        .filter(kind=spec.key, key=key)
        .prefetch_related("tags")
        .first()
    )
    if output is not None and output.place_id != cleaned["place"].pk:
        raise PublishingError(
            {
                "key": f"The key {key!r} of {spec.key!r} is already an output about another "
                "place: a key names one output, so give each place's output its own key."
            }
        )
    if output is not None and _same(output, cleaned):
        if updated_at is not None and output.updated_at != updated_at:
            output.updated_at = updated_at
            output.save(update_fields=["updated_at"])
        return output
    if output is None:
        output = PublishedOutput(kind=spec.key, key=key)
    output.place = cleaned["place"]
    output.title, output.summary, output.url = cleaned["title"], cleaned["summary"], cleaned["url"]
    output.updated_at = updated_at or timezone.now()
    if output.pk is None:
        output.published_at = output.updated_at
    output.withdrawn_at = None
    output.save()
    _write_tags(output, cleaned["audiences"], cleaned["topics"])
    return PublishedOutput.objects.prefetch_related("tags").get(pk=output.pk)


def unpublish(kind: str, *, key: str) -> bool:
    """Withdraw the output `key` of `kind`: it no longer shows. True if one was on show.
    Withdrawing one that is not published is no error (re-running stays idempotent)."""
    spec = get_output_kind(kind)
    withdrawn = PublishedOutput.objects.published().filter(kind=spec.key, key=key)
    return bool(withdrawn.update(withdrawn_at=timezone.now()))


def _check_audience(audience: str | None) -> None:
    if audience is not None and unknown_audiences([audience]):
        raise PublishingError({"audience": audiences_error([audience])})


def outputs(
    place: Place | None = None,
    kind: str | None = None,
    audience: str | None = None,
    topic: str | None = None,
) -> list[PublishedOutput]:
    """The outputs on show, latest change first, optionally of one place, kind, audience
    and topic. Each has `.audiences`, `.topics` and `.output_kind` (its registered kind);
    outputs of a kind no longer registered (an app switched off) are left out. Raises
    UnknownOutputKind or PublishingError for a filter that names nothing that can exist."""
    kinds = registered_output_kinds()
    if kind is not None:
        get_output_kind(kind)
    _check_audience(audience)
    queryset = PublishedOutput.objects.published().filter(kind__in=[kind] if kind else kinds)
    if place is not None:
        queryset = queryset.filter(place=place)
    if audience is not None:
        queryset = queryset.filter(tags__facet=OutputFacet.AUDIENCE, tags__value=audience)
    if topic is not None:
        (cleaned_topic,) = clean_topics([topic])
        queryset = queryset.filter(tags__facet=OutputFacet.TOPIC, tags__value=cleaned_topic)
    found = list(queryset.distinct().select_related("place").prefetch_related("tags"))
    for output in found:
        output.output_kind = kinds[output.kind]  # type: ignore[attr-defined]
    return found


def topics_in_use(place: Place | None = None) -> list[str]:
    """Every topic of the outputs on show (of one place), A to Z: what a topic filter offers."""
    tags = OutputTag.objects.filter(
        facet=OutputFacet.TOPIC,
        output__withdrawn_at__isnull=True,
        output__kind__in=registered_output_kinds(),
    )
    if place is not None:
        tags = tags.filter(output__place=place)
    return sorted(set(tags.values_list("value", flat=True)))
