"""Editors extend the taxonomies in the browser: add and rename topics (with the synonyms
search uses) and audiences. The taxonomies are the repository's, shared by every place, so
a partner editor of any place may add to them; every change is in the shared history, and a
topic's new synonyms find its resources at once (`signals`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from placezero.accounts.permissions import require

from ..models import Audience, Topic

if TYPE_CHECKING:
    from placezero.places.models import Place

TAXONOMIES: dict[str, type[Audience] | type[Topic]] = {"topics": Topic, "audiences": Audience}
FIELDS = {"topics": ("slug", "name", "synonyms"), "audiences": ("slug", "name", "description")}


def taxonomy_model(kind: str) -> type[Audience] | type[Topic]:
    if kind not in TAXONOMIES:
        raise Http404(f"There is no taxonomy “{kind[:20]}”: there are topics and audiences.")
    return TAXONOMIES[kind]


def taxon_of(user: Any, place: Place, kind: str, slug: str) -> Audience | Topic:
    require(user, "advisory.edit_taxonomy", place)
    found = taxonomy_model(kind).objects.filter(slug=slug[:40]).first()
    if found is None:
        raise Http404(f"There is no {kind[:-1]} “{slug[:40]}”.")
    return found


@transaction.atomic
def save_taxon(
    user: Any, place: Place, kind: str, fields: dict[str, Any], *, slug: str | None = None
) -> Audience | Topic:
    """Add a topic or audience (`slug` None) or change one; ValidationError says why not."""
    require(user, "advisory.edit_taxonomy", place)
    model = taxonomy_model(kind)
    taxon = taxon_of(user, place, kind, slug) if slug else model()
    for name in FIELDS[kind]:
        if name in fields:
            setattr(taxon, name, " ".join(str(fields[name] or "").split()))
    if kind == "topics":
        words = [w.strip() for w in taxon.synonyms.split(",") if w.strip()]
        taxon.synonyms = ", ".join(dict.fromkeys(words))
    if model.objects.filter(name__iexact=taxon.name).exclude(pk=taxon.pk).exists():
        article = "an" if kind == "audiences" else "a"
        raise ValidationError(
            {"name": f"There is already {article} {kind[:-1]} called “{taxon.name}”."}
        )
    taxon.full_clean()
    taxon._history_user = user if getattr(user, "is_authenticated", False) else None
    taxon.save()
    return taxon
