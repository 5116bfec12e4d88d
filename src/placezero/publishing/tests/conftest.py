"""A kind of output made up for the tests, registered only while a test runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from placezero.api.tests.factories import PlaceFactory
from placezero.publishing import OutputKind, register_output_kind, unregister_output_kind

REPORT = "testing.report"


@pytest.fixture
def report_kind() -> Iterator[OutputKind]:
    kind = register_output_kind(
        OutputKind(
            key=REPORT,
            label="Test report",
            module="Testing",
            audiences=("public", "investors", "community"),
            topics=("solar",),
        )
    )
    yield kind
    unregister_output_kind(REPORT)


@pytest.fixture
def testshire(db: None) -> Any:
    return PlaceFactory(slug="testshire", name="Testshire")


@pytest.fixture
def publish_report(report_kind: OutputKind, testshire: Any) -> Any:
    """publish_report(key="a", **changes): a valid report of Testshire, changes applied."""
    from placezero.publishing import services

    def publish(key: str = "first", **changes: Any) -> Any:
        fields = {
            "place": testshire,
            "key": key,
            "title": f"Report {key}",
            "summary": f"What report {key} found.",
            "url": f"/reports/{key}/",
        }
        return services.publish(REPORT, **{**fields, **changes})

    return publish
