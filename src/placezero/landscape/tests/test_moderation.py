"""Pre-moderation: officers of the place approve or reject, the contributor is told, the
results are published; forged or repeated decisions are refused and change nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from placezero.activity.models import Notification
from placezero.landscape import services
from placezero.landscape.models import Contribution, ModerationDecision
from placezero.landscape.options import Status
from placezero.landscape.validation import ContributionError
from placezero.publishing import services as publishing

from .conftest import say

pytestmark = pytest.mark.django_db


def test_approval_publishes_tells_and_counts(leicestershire, officer, resident, zone, inside_point):
    contribution = say(leicestershire, resident, geometry=inside_point).contribution
    assert services.moderation_queue(leicestershire, officer) == [contribution]
    assert services.tallies(leicestershire) == {}
    services.moderate(contribution, decision="approve", reason="", user=officer)
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED and contribution.published_at
    assert services.tallies(leicestershire)[(zone.code, "ground_solar")].oppose == 1
    assert Notification.objects.filter(recipient=resident, kind="landscape.published").exists()
    published = publishing.outputs(place=leicestershire, kind=services.RESULTS_KIND)
    # The place's results and the consultation's.
    assert sorted(o.key for o in published) == [
        leicestershire.slug,
        f"{leicestershire.slug}/where-would-you-welcome-solar",
    ]
    # The decision and the change of status are in the shared history, naming the officer.
    assert ModerationDecision.objects.get(contribution=contribution).decided_by == officer
    latest = contribution.history.first()
    assert (latest.status, latest.history_user) == (Status.PUBLISHED, officer)
    assert not hasattr(latest, "client_key") and not hasattr(latest, "contributor")


def test_rejection_needs_a_reason_and_tells_the_contributor(
    leicestershire, officer, resident, inside_point
):
    contribution = say(leicestershire, resident, geometry=inside_point).contribution
    with pytest.raises(ContributionError) as caught:
        services.moderate(contribution, decision="reject", reason="", user=officer)
    assert "reason" in caught.value.errors
    services.moderate(contribution, decision="reject", reason="Names a neighbour.", user=officer)
    contribution.refresh_from_db()
    assert contribution.status == Status.REJECTED
    told = Notification.objects.get(recipient=resident, kind="landscape.rejected")
    assert "Names a neighbour." in told.body
    assert services.tallies(leicestershire) == {}


@pytest.mark.parametrize("who", ["anonymous", "resident", "other_officer"])
def test_a_forged_moderation_is_refused_and_changes_nothing(
    request, leicestershire, inside_point, who
):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_point).contribution
    with pytest.raises(PermissionDenied):
        services.moderate(contribution, decision="approve", reason="", user=user)
    contribution.refresh_from_db()
    assert contribution.status == Status.PENDING
    assert not ModerationDecision.objects.exists()
    with pytest.raises(PermissionDenied):
        services.moderation_queue(leicestershire, user)


def test_a_decision_twice_or_unknown_is_refused(leicestershire, officer, inside_point):
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_point).contribution
    with pytest.raises(ContributionError):
        services.moderate(contribution, decision="delete-everything", reason="", user=officer)
    services.moderate(contribution, decision="approve", reason="", user=officer)
    with pytest.raises(ContributionError) as caught:
        services.moderate(contribution, decision="reject", reason="Changed my mind", user=officer)
    assert "is published, so “Reject” does not apply" in caught.value.errors["__all__"]
    assert Contribution.objects.get().status == Status.PUBLISHED
    assert ModerationDecision.objects.count() == 1


def test_acceptance_is_hidden_below_the_minimum_and_shown_above(
    leicestershire, officer, zone, inside_point
):
    def shown():
        row = next(
            r
            for r in services.acceptance(leicestershire, "ground_solar")
            if r.zone_code == zone.code
        )
        return row

    for n in range(services.MINIMUM_RESPONSES):
        stance = "welcome" if n < 4 else "oppose"
        c = say(leicestershire, AnonymousUser(), geometry=inside_point, stance=stance,
                address=f"203.0.113.{n}").contribution  # fmt: skip
        assert shown().share is None
        services.moderate(c, decision="approve", reason="", user=officer)
    row = shown()
    assert row.responses == 5 and row.share == pytest.approx(0.8)
    assert row.low < 0.8 < row.high
