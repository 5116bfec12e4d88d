"""The spreadsheet round trip: export, edit offline, dry run, import all or nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from placezero.tracker import spreadsheet
from placezero.tracker.models import Action

from .conftest import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(people, plan):
    owners = [people.county, people.charnwood]
    Action.objects.bulk_create(
        Action(
            place=people.place,
            plan=plan,
            owner=owners[i % 2],
            reference=f"R{i:03d}",
            title=f"Action {i}",
            theme="transport",
            status="on_track",
            planned_start=dt.date(2024, 1, 1),
            planned_end=dt.date(2026, 1, 1),
        )
        for i in range(500)
    )


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data))[spreadsheet.SHEET]


def _headings(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_500_actions_round_trip_with_50_edited(people, many):
    data = spreadsheet.export_workbook(people.place, user=people.officer)
    book = load_workbook(io.BytesIO(data))
    sheet = book[spreadsheet.SHEET]
    assert sheet.max_row == 501
    columns = _headings(sheet)
    for row in range(2, 52):
        sheet.cell(row, columns["Title"]).value = f"Edited title {row}"
        sheet.cell(row, columns["Status"]).value = "At risk"
        sheet.cell(row, columns["Status reason"]).value = "Supplier delay"
    edited = _save(book)

    dry = spreadsheet.check(people.place, edited, user=people.officer)
    assert dry.ok and len(dry.changed_rows) == 50
    assert ("Status", "On track", "At risk") in dry.changed_rows[0].changes
    assert Action.objects.filter(title__startswith="Edited").count() == 0  # a dry run

    report = spreadsheet.apply(people.place, edited, user=people.officer)
    assert report.applied
    assert Action.objects.filter(title__startswith="Edited", status="at_risk").count() == 50
    changed = Action.objects.get(reference="R000")
    assert changed.history.first().history_user == people.officer


def test_bad_rows_are_each_reported_and_nothing_changes(people, plan):
    make_action(plan, people.county, "B1")
    data = spreadsheet.export_workbook(people.place, user=people.officer)
    book = load_workbook(io.BytesIO(data))
    sheet = book[spreadsheet.SHEET]
    columns = _headings(sheet)
    sheet.cell(2, columns["Title"]).value = "A good change"
    bad = [
        ["B2", "Backwards", "Transport", "On track", "", "Leicestershire County Council (test)",
         "", "", "2026-01-01", "2025-01-01", "", "", "", "", "Test plan 2023-2027", ""],
        ["B3", "Unknown owner", "Transport", "On track", "", "Acme Ltd",
         "", "", "2025-01-01", "2026-01-01", "", "", "", "", "Test plan 2023-2027", ""],
        ["B4", "=HYPERLINK(\"http://evil.example\",\"x\")", "Dancing", "Soon", "", "",
         "", "", "tomorrow", "", "", "", "lots", "", "Test plan 2023-2027", ""],
    ]  # fmt: skip
    for row in bad:
        sheet.append(row)
    report = spreadsheet.check(people.place, _save(book), user=people.officer)
    assert not report.ok
    assert {r.row for r in report.bad_rows} == {3, 4, 5}
    by_row = {r.row: dict(r.errors) for r in report.bad_rows}
    assert "before the planned start" in by_row[3]["Planned end"]
    assert "Acme Ltd" in by_row[4]["Lead organisation"]
    assert "formula" in by_row[5]["Title"]
    assert set(by_row[5]) >= {"Theme", "Status", "Planned start", "Budget (GBP)"}
    # The real import refuses the whole file: the good row is not applied either.
    assert not spreadsheet.apply(people.place, _save(book), user=people.officer).applied
    assert Action.objects.get(reference="B1").title == "Action B1"
    assert Action.objects.count() == 1


def test_formula_injection_is_neutralised_in_exported_cells(people, plan):
    make_action(plan, people.county, "B1", title='=HYPERLINK("http://evil.example","Click")')
    sheet = _sheet(spreadsheet.export_workbook(people.place, user=people.officer))
    cell = sheet.cell(2, _headings(sheet)["Title"])
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("http://evil.example","Click")'
    # Read back, the text is the text it was, not a formula and not a change.
    data = spreadsheet.export_workbook(people.place, user=people.officer)
    assert spreadsheet.check(people.place, data, user=people.officer).changed_rows == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 not really a zip", "not an Excel workbook"),
        (b"Reference,Title\nB1,x\n", "not an Excel workbook"),
    ],
)
def test_a_malformed_file_is_refused(people, content, message):
    report = spreadsheet.check(people.place, content, user=people.officer)
    assert not report.ok and message in report.errors[0]


def test_a_workbook_without_the_sheet_or_its_columns_is_refused(people):
    book = Workbook()
    book.active.title = "Sheet1"
    assert (
        "no sheet called"
        in spreadsheet.check(people.place, _save(book), user=people.officer).errors[0]
    )
    book.active.title = spreadsheet.SHEET
    book.active.append(["Reference", "Title"])
    refused = spreadsheet.check(people.place, _save(book), user=people.officer).errors[0]
    assert "lacks the columns" in refused and "Planned start" in refused


def test_the_import_page_refuses_an_oversized_file_and_applies_a_checked_one(people, plan):
    client = Client()
    client.force_login(people.officer)
    url = reverse("tracker:import", kwargs={"place_slug": people.place.slug})
    big = SimpleUploadedFile("big.xlsx", b"x" * (2 * 1024 * 1024 + 1))
    response = client.post(url, {"file": big})
    assert response.status_code == 400 and "the limit is 2 MB" in response.content.decode()

    make_action(plan, people.county, "B1")
    book = load_workbook(io.BytesIO(spreadsheet.export_workbook(people.place, user=people.officer)))
    sheet = book[spreadsheet.SHEET]
    sheet.cell(2, _headings(sheet)["Title"]).value = "Renamed offline"
    upload = SimpleUploadedFile("actions.xlsx", _save(book))
    response = client.post(url, {"file": upload})
    assert response.status_code == 200 and "Nothing has changed yet" in response.content.decode()
    assert Action.objects.get().title == "Action B1"
    response = client.post(url, {"apply": "1"})
    assert response.status_code == 200 and "Imported" in response.content.decode()
    assert Action.objects.get().title == "Renamed offline"
