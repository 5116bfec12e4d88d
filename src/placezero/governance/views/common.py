"""What every governance view needs: the place, body or decision the URL names (404 when
there is none), as objects for `@requires`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest

from placezero.web.shortcuts import place_or_404

from .. import services

if TYPE_CHECKING:
    from ..models import Body, BodyMember, Decision, EvaluationRound, Power, Principle, RoutingRule


def the_place(request: HttpRequest, place_slug: str, **_: Any) -> Any:
    return place_or_404(place_slug, request)


def the_body(request: HttpRequest, place_slug: str, body_slug: str, **_: Any) -> Body:
    body = services.body_of(the_place(request, place_slug), body_slug)
    if body is None:
        raise Http404(f"There is no body “{body_slug}” in this partnership.")
    return body


def the_decision(request: HttpRequest, place_slug: str, number: int, **_: Any) -> Decision:
    decision = services.decision_of(the_place(request, place_slug), number)
    if decision is None:
        raise Http404(f"There is no decision D{number:03d} here.")
    return decision


def the_round(request: HttpRequest, place_slug: str, round_id: int, **_: Any) -> EvaluationRound:
    round_ = services.round_of(the_place(request, place_slug), round_id)
    if round_ is None:
        raise Http404("There is no such evaluation round here.")
    return round_


def the_power(request: HttpRequest, place_slug: str, power_key: str, **_: Any) -> Power:
    power = services.powers_of(the_place(request, place_slug)).filter(key=power_key).first()
    if power is None:
        raise Http404(f"There is no power “{power_key}” in this register.")
    return power


def the_principle(request: HttpRequest, place_slug: str, order: int, **_: Any) -> Principle:
    principle = services.principles_of(the_place(request, place_slug)).filter(order=order).first()
    if principle is None:
        raise Http404(f"There is no principle {order} here.")
    return principle


def the_seat(
    request: HttpRequest, place_slug: str, body_slug: str, seat_id: int, **_: Any
) -> BodyMember:
    seat = services.seat_of_body(the_body(request, place_slug, body_slug), seat_id)
    if seat is None:
        raise Http404("There is no such seat on this body.")
    return seat


def the_rule(request: HttpRequest, place_slug: str, rule_id: int, **_: Any) -> RoutingRule:
    rule = services.rule_of(the_place(request, place_slug), rule_id)
    if rule is None:
        raise Http404("There is no such routing rule here.")
    return rule
