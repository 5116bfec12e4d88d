"""Bad content: a script renamed .pdf, an oversized upload, a script in a resource body."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from placezero.advisory import services
from placezero.advisory.documents import check_upload
from placezero.advisory.models import Resource, ResourceDocument
from placezero.advisory.options import DOCUMENT_MAX_BYTES
from placezero.advisory.tests.conftest import client_for

HOSTILE_BODY = (
    'Fine **text**<script>alert("x")</script><img src=x onerror=alert(1)> '
    "[click](javascript:alert(1))"
)
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def test_a_script_renamed_pdf_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"named \.pdf but its content is not a PDF"):
        check_upload("leaflet.pdf", 30, io.BytesIO(b"#!/bin/sh\nrm -rf /\n"))


def test_html_renamed_csv_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a CSV"):
        check_upload("data.csv", 30, io.BytesIO(b"<script>alert(1)</script>"))


def test_a_png_named_pdf_is_refused_saying_what_it_is() -> None:
    with pytest.raises(ValidationError, match="is a PNG image"):
        check_upload("x.pdf", 30, io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"0" * 20))


def test_an_oversized_file_is_refused_before_it_is_read() -> None:
    with pytest.raises(ValidationError, match="smaller than 10 MB"):
        check_upload("big.pdf", DOCUMENT_MAX_BYTES + 1, io.BytesIO(PDF))


def test_an_unknown_extension_is_refused() -> None:
    with pytest.raises(ValidationError, match="must be a PDF"):
        check_upload("run.exe", 10, io.BytesIO(b"MZ" + b"0" * 8))


def test_a_real_pdf_and_a_csv_are_accepted() -> None:
    assert check_upload("plan.pdf", len(PDF), io.BytesIO(PDF)).media_type == "application/pdf"
    assert check_upload("d.csv", 8, io.BytesIO(b"a,b\n1,2\n")).media_type == "text/csv"


@pytest.mark.django_db
def test_the_upload_page_refuses_a_script_and_keeps_nothing(demo: Any, people: dict) -> None:
    client = client_for(people["editor"])
    resource = Resource.objects.get(slug="village-hall-solar-guide")
    url = f"/places/{demo.slug}/advice/resources/{resource.slug}/documents/"
    upload = SimpleUploadedFile(
        "guide.pdf", b"#!/bin/sh\necho pwned\n", content_type="application/pdf"
    )
    response = client.post(url, {"title": "Guide", "file": upload})
    assert response.status_code == 400
    assert "its content is not a PDF" in response.content.decode()
    assert ResourceDocument.objects.count() == 0
    good = SimpleUploadedFile("guide.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Guide", "file": good}).status_code == 302
    document = ResourceDocument.objects.get()
    download = client_for(None).get(f"/places/{demo.slug}/advice/documents/{document.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db
def test_a_script_in_a_body_never_reaches_the_page(demo: Any, people: dict) -> None:
    resource = Resource.objects.get(slug="loft-insulation")
    services.save_resource(
        people["editor"] if resource.place_id else people["administrator"],
        demo,
        {"body": HOSTILE_BODY},
        audiences=list(resource.audiences.all()),
        topics=list(resource.topics.all()),
        resource=resource,
    )
    text = (
        client_for(None)
        .get(f"/places/{demo.slug}/advice/resources/loft-insulation/")
        .content.decode()
    )
    assert "<strong>text</strong>" in text
    assert "alert" not in text and "onerror" not in text and "javascript:" not in text


@pytest.mark.django_db
def test_every_change_to_a_resource_is_in_its_history(demo: Any, people: dict) -> None:
    editor = people["editor"]
    resource = Resource.objects.get(slug="village-hall-solar-guide")
    services.save_resource(
        editor, demo, {"title": "Solar on a village hall"},
        audiences=["parishes"], topics=["solar"], resource=resource,
    )  # fmt: skip
    latest = resource.history.first()
    assert latest.title == "Solar on a village hall"
    assert latest.history_type == "~"
    assert latest.history_user == editor
    titles = list(resource.history.order_by("history_date").values_list("title", flat=True))
    assert titles[0].startswith("Solar panels on a village hall")
    assert titles[-1] == "Solar on a village hall"
