"""Moderation beyond one at a time: the public's reports, hiding with a reason, keeping and
dismissing, bulk decisions (all or nothing, the place's own only), duplicate detection and
the per-consultation rate limit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from placezero.landscape import moderation, services, validation
from placezero.landscape.models import Contribution, ModerationDecision, Report
from placezero.landscape.options import Status
from placezero.landscape.validation import ContributionError

from .conftest import open_consultation, say

pytestmark = pytest.mark.django_db


def published(place, officer, point, n: int = 1, **fields):
    made = []
    for i in range(n):
        c = say(place, AnonymousUser(), geometry=point, address=f"pub-{i}",
                reason=f"Reason {i}", **fields).contribution  # fmt: skip
        made.append(services.moderate(c, decision="approve", reason="", user=officer))
    return made


def test_anyone_reports_a_published_contribution_and_it_reaches_the_moderators(
    leicestershire, officer, inside_point
):
    (contribution,) = published(leicestershire, officer, inside_point)
    moderation.report(contribution, reason="personal", note="Names my neighbour",
                      user=AnonymousUser(), client_address="203.0.113.5")  # fmt: skip
    assert [c.pk for c in moderation.reported(leicestershire, officer)] == [contribution.pk]
    assert moderation.reported(leicestershire, officer)[0].open_reports == 1
    # The same device cannot report it twice, nor send a flood of reports.
    with pytest.raises(ContributionError) as caught:
        moderation.report(contribution, reason="spam", note="", user=AnonymousUser(),
                          client_address="203.0.113.5")  # fmt: skip
    assert "already reported" in caught.value.errors["__all__"]
    assert Report.objects.count() == 1
    # A report never hides anything by itself.
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED


def test_bad_reports_are_refused(leicestershire, officer, inside_point):
    pending = say(leicestershire, AnonymousUser(), geometry=inside_point).contribution
    with pytest.raises(ContributionError) as caught:
        moderation.report(pending, reason="nonsense", note="<b>x</b>", user=AnonymousUser(),
                          client_address="203.0.113.6")  # fmt: skip
    assert set(caught.value.errors) == {"reason", "note", "__all__"}
    assert not Report.objects.exists()


def test_reports_per_client_are_limited(leicestershire, officer, inside_point):
    made = published(
        leicestershire, officer, inside_point, moderation.REPORTS_PER_CLIENT_PER_HOUR + 1
    )
    for contribution in made[:-1]:
        moderation.report(contribution, reason="spam", note="", user=AnonymousUser(),
                          client_address="203.0.113.7")  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        moderation.report(made[-1], reason="spam", note="", user=AnonymousUser(),
                          client_address="203.0.113.7")  # fmt: skip
    assert "try again later" in caught.value.errors["__all__"]


def test_hiding_needs_a_reason_and_resolves_the_reports(leicestershire, officer, inside_point):
    (contribution,) = published(leicestershire, officer, inside_point)
    moderation.report(contribution, reason="abusive", note="", user=AnonymousUser(),
                      client_address="203.0.113.8")  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        services.moderate(contribution, decision="hide", reason="", user=officer)
    assert "Give the reason" in caught.value.errors["reason"]
    services.moderate(contribution, decision="hide", reason="Abusive wording", user=officer)
    contribution.refresh_from_db()
    assert contribution.status == Status.HIDDEN
    assert not moderation.reported(leicestershire, officer)
    assert services.tallies(leicestershire) == {}
    # Who hid it and why is in the audit trail.
    decision = contribution.decisions.last()
    assert (decision.decision, decision.reason, decision.decided_by) == (
        "hide",
        "Abusive wording",
        officer,
    )
    assert contribution.history.first().status == Status.HIDDEN
    assert contribution.history.first().history_user == officer


def test_keeping_dismisses_the_reports(leicestershire, officer, inside_point):
    (contribution,) = published(leicestershire, officer, inside_point)
    moderation.report(contribution, reason="off_topic", note="", user=AnonymousUser(),
                      client_address="203.0.113.9")  # fmt: skip
    services.moderate(contribution, decision="keep", reason="", user=officer)
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert not moderation.reported(leicestershire, officer)


def test_bulk_approve_and_hide(leicestershire, officer, inside_point):
    waiting = [
        say(leicestershire, AnonymousUser(), geometry=inside_point, address=f"b-{n}",
            reason=f"Bulk {n}").contribution
        for n in range(3)
    ]  # fmt: skip
    done = moderation.moderate_many(
        leicestershire, [c.pk for c in waiting], decision="approve", reason="", user=officer
    )
    assert {c.status for c in done} == {Status.PUBLISHED}
    with pytest.raises(ContributionError) as caught:
        moderation.moderate_many(
            leicestershire, [c.pk for c in waiting], decision="hide", reason="", user=officer
        )
    assert "reason" in caught.value.errors
    moderation.moderate_many(
        leicestershire, [c.pk for c in waiting], decision="hide", reason="Campaign spam",
        user=officer,
    )  # fmt: skip
    assert set(Contribution.objects.values_list("status", flat=True)) == {Status.HIDDEN}


def test_a_bulk_decision_is_all_or_nothing(leicestershire, officer, inside_point):
    first = say(leicestershire, AnonymousUser(), geometry=inside_point, address="a1").contribution
    second = say(leicestershire, AnonymousUser(), geometry=inside_point, address="a2",
                 reason="Other words").contribution  # fmt: skip
    services.moderate(second, decision="reject", reason="Off topic", user=officer)
    with pytest.raises(ContributionError) as caught:
        moderation.moderate_many(
            leicestershire, [first.pk, second.pk], decision="approve", reason="", user=officer
        )
    assert f"(contribution {second.pk})" in next(iter(caught.value.errors.values()))
    first.refresh_from_db()
    assert first.status == Status.PENDING
    assert ModerationDecision.objects.count() == 1


def test_a_forged_bulk_request_is_refused(
    leicestershire, officer, other_place, other_officer, inside_point
):
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_point).contribution
    # An officer of another place, naming Leicestershire's contribution: refused.
    with pytest.raises(PermissionDenied):
        moderation.moderate_many(
            leicestershire, [contribution.pk], decision="approve", reason="", user=other_officer
        )
    # Through their own place: the contribution is not theirs to decide.
    with pytest.raises(ContributionError) as caught:
        moderation.moderate_many(
            other_place, [contribution.pk], decision="approve", reason="", user=other_officer
        )
    assert "has no contribution number" in caught.value.errors["contributions"]
    contribution.refresh_from_db()
    assert contribution.status == Status.PENDING


def test_the_same_contribution_twice_from_one_client_is_refused(leicestershire, inside_point):
    say(leicestershire, AnonymousUser(), geometry=inside_point, reason="Good  Farmland.")
    nudged = {"type": "Point", "coordinates": [inside_point["coordinates"][0] + 0.00005,
                                               inside_point["coordinates"][1]]}  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        say(leicestershire, AnonymousUser(), geometry=nudged, reason="good farmland.")
    assert "already sent this contribution" in caught.value.errors["__all__"]
    # A different view, or a place further away, is a different contribution.
    say(leicestershire, AnonymousUser(), geometry=inside_point, reason="Good farmland.",
        stance="welcome")  # fmt: skip
    assert Contribution.objects.count() == 2


def test_the_same_words_from_another_client_are_flagged_for_the_moderator(
    leicestershire, officer, inside_point
):
    first = say(leicestershire, AnonymousUser(), geometry=inside_point, address="c1").contribution
    copy = say(leicestershire, AnonymousUser(), geometry=inside_point, address="c2").contribution
    other = say(leicestershire, AnonymousUser(), geometry=inside_point, address="c3",
                reason="My own words").contribution  # fmt: skip
    assert copy.possible_duplicate_of == first
    assert first.possible_duplicate_of is None and other.possible_duplicate_of is None


def test_a_flood_to_one_consultation_from_many_clients_is_paused(
    leicestershire, inside_point, monkeypatch
):
    monkeypatch.setattr(validation, "CONSULTATION_RATE_PER_HOUR", 3)
    for n in range(3):
        say(leicestershire, AnonymousUser(), geometry=inside_point, address=f"f-{n}",
            reason=f"Flood {n}")  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        say(leicestershire, AnonymousUser(), geometry=inside_point, address="f-new",
            reason="One more")  # fmt: skip
    assert "pausing new ones" in caught.value.errors["__all__"]
    # Another consultation of the place is not affected.
    other = open_consultation(leicestershire, title="Another consultation")
    say(other, AnonymousUser(), geometry=inside_point, address="f-new", reason="One more")
    assert Contribution.objects.count() == 4
