"""A contributor's own data: through their account, or through the secret link they were
given (anyone who made a contribution without an account). See it, download it, delete it."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from placezero.accounts.permissions import Verdict, forbidden, requires

from .. import services
from ..models import Contribution


def _download(data: object, name: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@requires("landscape.view_own")
def mine(request: HttpRequest) -> HttpResponse:
    contributions = services.own_contributions(request.user)
    if request.GET.get("format") == "json":
        exported = [services.export(c, user=request.user) for c in contributions]
        return _download(exported, "my-contributions")
    return render(request, "landscape/mine.html", {"contributions": contributions})


def _contribution(pk: int) -> Contribution:
    try:
        return Contribution.objects.select_related("place", "zone").get(pk=pk)
    except Contribution.DoesNotExist:
        raise Http404("There is no such contribution.") from None


@require_POST
@requires("landscape.view_own")
def delete_mine(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution(pk)
    try:
        services.delete(contribution, user=request.user)
    except PermissionDenied as refused:
        return forbidden(request, Verdict(False, str(refused)))
    messages.success(request, "Your contribution was deleted, with its history.")
    return redirect("landscape:mine")


@require_http_methods(["GET", "POST"])
def secret(request: HttpRequest, token: str) -> HttpResponse:
    """The secret link: whoever holds it may see, download and delete that contribution."""
    contribution = services.by_secret(token)
    if contribution is None:
        raise Http404("This link is not (or no longer) the link of a contribution.")
    if request.method == "POST":
        services.delete(contribution, token=token)
        return render(request, "landscape/deleted.html", {"place": contribution.place})
    data = services.export(contribution, token=token)
    if request.GET.get("format") == "json":
        return _download(data, "my-contribution")
    return render(request, "landscape/secret.html", {
        "contribution": contribution, "data": data, "place": contribution.place,
    })  # fmt: skip
