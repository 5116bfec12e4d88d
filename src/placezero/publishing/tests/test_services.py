"""Publishing's door: publish is idempotent per kind and key, refuses what will not do with
the field to fix, unpublish withdraws, outputs filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from placezero.api.tests.factories import PlaceFactory
from placezero.publishing import PublishingError, UnknownOutputKind, services
from placezero.publishing.models import PublishedOutput

from .conftest import REPORT


def rows() -> int:
    return PublishedOutput.objects.filter(kind=REPORT).count()


def test_publish_stores_the_output_with_the_kinds_audiences_and_topics(publish_report) -> None:
    output = publish_report()
    assert (output.title, output.summary, output.url) == (
        "Report first",
        "What report first found.",
        "/reports/first/",
    )
    assert output.audiences == ("public", "investors", "community")
    assert output.topics == ("solar",)
    assert output.updated_at is not None and output.withdrawn_at is None


def test_publishing_the_same_output_again_changes_nothing(publish_report) -> None:
    """Rule: idempotent per kind and key: one row, and its updated_at is kept."""
    first = publish_report()
    again = publish_report()
    assert rows() == 1
    assert again.pk == first.pk
    assert again.updated_at == first.updated_at


def test_publishing_a_change_replaces_it_and_stamps_the_change(publish_report) -> None:
    first = publish_report()
    changed = publish_report(title="Report first, revised", topics=("solar", "heat"))
    assert rows() == 1
    assert changed.title == "Report first, revised"
    assert changed.topics == ("solar", "heat")
    assert changed.updated_at > first.updated_at
    assert changed.published_at == first.published_at


def test_an_explicit_updated_at_is_kept(publish_report) -> None:
    when = timezone.make_aware(dt.datetime(2026, 3, 1, 9, 30))
    assert publish_report(updated_at=when).updated_at == when
    # Re-publishing without a date keeps it (nothing changed).
    assert publish_report().updated_at == when


def test_an_unknown_kind_is_refused(testshire) -> None:
    with pytest.raises(UnknownOutputKind, match=r"No kind of output called 'testing\.nope'"):
        services.publish(
            "testing.nope", place=testshire, key="a", title="A", summary="A.", url="/a/"
        )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"audiences": ("public", "aliens")}, "audiences", "'aliens' is not an audience"),
        ({"audiences": ("officers",)}, "audiences", "are for public, investors, community"),
        ({"audiences": ()}, "audiences", "Say who the output is for"),
        ({"url": "javascript:alert(1)"}, "url", "will not do"),
        ({"url": "//evil.example/"}, "url", "will not do"),
        ({"url": "reports/first"}, "url", "starting with '/'"),
        ({"url": "/reports/a b/"}, "url", "will not do"),
        ({"url": ""}, "url", "will not do"),
        ({"url": "ftp://example.org/x"}, "url", "http(s)"),
        ({"title": "  "}, "title", "needs a title"),
        ({"summary": "x" * 1001}, "summary", "keep it to 1000"),
        ({"key": "a key with spaces"}, "key", "stable id"),
        ({"place": None}, "place", "which (loaded) place"),
        ({"topics": ("",)}, "topics", "will not do"),
        ({"updated_at": dt.datetime(2026, 1, 1)}, "updated_at", "time zone"),
    ],
)
def test_what_will_not_do_is_refused_naming_the_field(publish_report, changes, field, words):
    with pytest.raises(PublishingError) as error:
        publish_report(**changes)
    assert set(error.value.errors) == {field}
    assert words in error.value.errors[field]
    assert rows() == 0


def test_a_refused_change_leaves_the_published_output_as_it_was(publish_report) -> None:
    first = publish_report()
    with pytest.raises(PublishingError):
        publish_report(title="Revised", url="javascript:void(0)")
    assert PublishedOutput.objects.get(pk=first.pk).title == "Report first"


def test_an_absolute_http_address_is_accepted(publish_report) -> None:
    url = "https://www.leicestershire.gov.uk/environment-and-planning"
    assert publish_report(url=url).url == url


def test_a_key_names_one_output_of_one_place(publish_report) -> None:
    publish_report()
    with pytest.raises(PublishingError, match="another place"):
        publish_report(place=PlaceFactory())


def test_unpublish_withdraws_the_output_and_can_be_repeated(publish_report) -> None:
    publish_report("first")
    publish_report("second")
    assert services.unpublish(REPORT, key="first") is True
    assert [o.key for o in services.outputs(kind=REPORT)] == ["second"]
    assert services.unpublish(REPORT, key="first") is False
    assert services.unpublish(REPORT, key="never-published") is False


def test_unpublish_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(UnknownOutputKind):
        services.unpublish("testing.nope", key="a")


def test_publishing_a_withdrawn_output_again_shows_it_again(publish_report) -> None:
    first = publish_report()
    services.unpublish(REPORT, key="first")
    again = publish_report()
    assert again.withdrawn_at is None
    assert again.published_at == first.published_at
    assert [o.key for o in services.outputs(kind=REPORT)] == ["first"]


def test_outputs_filter_by_place_kind_audience_and_topic(publish_report, testshire) -> None:
    other = PlaceFactory()
    publish_report("solar-farms", audiences=("investors",), topics=("solar",))
    publish_report("heat-homes", audiences=("public", "community"), topics=("Heat",))
    publish_report("elsewhere", place=other)
    keys = lambda **f: sorted(o.key for o in services.outputs(kind=REPORT, **f))  # noqa: E731
    assert keys() == ["elsewhere", "heat-homes", "solar-farms"]
    assert keys(place=testshire) == ["heat-homes", "solar-farms"]
    assert keys(place=testshire, audience="investors") == ["solar-farms"]
    assert keys(place=testshire, topic="heat") == ["heat-homes"]
    assert keys(audience="community", topic="heat") == ["heat-homes"]
    assert keys(audience="officers") == []
    assert services.topics_in_use(testshire) == ["heat", "solar"]
    found = services.outputs(place=testshire, kind=REPORT)
    assert found[0].output_kind.label == "Test report"


def test_outputs_refuse_a_filter_that_names_nothing_that_can_exist(report_kind) -> None:
    with pytest.raises(PublishingError, match="'aliens' is not an audience"):
        services.outputs(audience="aliens")
    with pytest.raises(UnknownOutputKind):
        services.outputs(kind="testing.nope")


def test_outputs_of_a_kind_no_longer_registered_are_left_out(publish_report) -> None:
    """Rule: an app switched off takes its outputs off the list (they stay in the table)."""
    from placezero.publishing import unregister_output_kind

    publish_report()
    unregister_output_kind(REPORT)
    try:
        assert all(o.kind != REPORT for o in services.outputs())
        assert rows() == 1
    finally:
        from placezero.publishing import OutputKind, register_output_kind

        register_output_kind(OutputKind(REPORT, "Test report", "Testing", ("public",)))


def test_outputs_take_a_fixed_number_of_queries(publish_report, django_assert_num_queries):
    for n in range(5):
        publish_report(f"report-{n}")
    with django_assert_num_queries(2):  # the outputs with their places, then their tags
        found = services.outputs(kind=REPORT)
        assert [o.audiences for o in found] and [o.topics for o in found]


def test_a_new_output_is_published_when_it_is_first_updated(publish_report) -> None:
    output = publish_report()
    assert output.published_at == output.updated_at
