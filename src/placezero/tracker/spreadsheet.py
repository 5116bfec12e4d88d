"""The spreadsheet round trip: every action of a place as an XLSX workbook (the shared
`tables.xlsx` writer: an About sheet, then the "actions" sheet), edited offline and
imported back.

- Export neutralises formula injection: a text cell that would start with =, +, -, @, a tab
  or a carriage return is written with a leading apostrophe, so a spreadsheet shows the
  text and never runs it (OWASP, "CSV Injection").
- Import reads the "actions" sheet by its headings, row by row: an existing reference is
  an update (its changed fields listed, before → after), a new one a new action. A dry run
  reports each row's changes and every error (row, column, why) and changes nothing; the
  real import re-checks everything and applies all rows in one transaction, or none.
- Refused outright: a file that is not an XLSX workbook, one over the size limits, one
  without the "actions" sheet or its headings, and any cell holding a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from placezero.accounts.permissions import require
from placezero.places.options import AreaKind
from placezero.tables import About, Column, Table, xlsx

from . import services
from .models import Action, Plan
from .options import Status, Theme

if TYPE_CHECKING:
    from placezero.places.models import Place

SHEET = "actions"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
Organisation = Action._meta.get_field("owner").related_model
Area = Action._meta.get_field("area").related_model

# (key, heading, action field); the headings are what the file says and the import reads.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("reference", "Reference", "reference"),
    ("title", "Title", "title"),
    ("theme", "Theme", "theme"),
    ("status", "Status", "status"),
    ("status_reason", "Status reason", "status_reason"),
    ("owner", "Lead organisation", "owner"),
    ("lead_officer", "Lead officer (username)", "lead_officer"),
    ("district", "District (GSS code; blank for the whole place)", "area"),
    ("planned_start", "Planned start", "planned_start"),
    ("planned_end", "Planned end", "planned_end"),
    ("actual_start", "Actual start", "actual_start"),
    ("actual_end", "Actual end", "actual_end"),
    ("budget_gbp", "Budget (GBP)", "budget_gbp"),
    ("funding_source", "Funding source", "funding_source"),
    ("plan", "Plan", "plan"),
    ("description", "Description", "description"),
)
READ_ONLY = (("expected", "Expected savings in the target years (not imported)", "tCO2e a year"),)
REQUIRED = {"reference", "title", "theme", "owner", "planned_start", "planned_end", "plan"}


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(action: Action, key: str) -> Any:
    value = {
        "theme": action.get_theme_display(),
        "status": action.get_status_display(),
        "owner": action.owner.name,
        "lead_officer": action.lead_officer.username if action.lead_officer else "",
        "district": action.area.code if action.area else "",
        "plan": action.plan.title,
        "budget_gbp": float(action.budget_gbp) if action.budget_gbp is not None else None,
    }.get(key, getattr(action, key, ""))
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(value if value is not None else "")


def export_table(place: Place, actions: Any) -> Table:
    actions = actions.select_related("owner", "lead_officer", "area", "plan").prefetch_related(
        "lever_links"
    )
    rows = []
    for action in actions:
        row = {key: _cell(action, key) for key, _, _ in COLUMNS}
        row["expected"] = sum(link.expected_tco2e or 0.0 for link in action.lever_links.all())
        rows.append(row)
    return Table(
        slug=SHEET,
        caption=f"Actions of {place.name}",
        columns=tuple(Column(k, h) for k, h, _ in COLUMNS)
        + tuple(Column(k, h, u) for k, h, u in READ_ONLY),
        rows=tuple(rows),
        about=About("placezero action tracker"),
        notes=(
            "Edit the rows and import the file on the action plan's import page. Themes and "
            "statuses are written as on the site; dates as YYYY-MM-DD.",
        ),
    )


def export_workbook(place: Place, *, user: Any, actions: Any = None) -> bytes:
    require(user, "tracker.export", place)
    table = export_table(place, services.actions_of(place) if actions is None else actions)
    return xlsx.workbook([table], facts=(("Place", place.name), ("Of", "Action plan")))


# --- import -------------------------------------------------------------------------------


@dataclass
class RowResult:
    row: int
    reference: str
    is_new: bool = False
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # column, before, after
    errors: list[tuple[str, str]] = field(default_factory=list)  # column, why
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the whole file
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not any(r.errors for r in self.rows)

    @property
    def bad_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.errors]

    @property
    def changed_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.changes or r.is_new]


class FileRefused(Exception):
    pass


def _read_rows(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise FileRefused("The workbook unpacks to more than 20 MB: it is too large.")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(
            "The file is not an Excel workbook (.xlsx) that can be read. Export the actions "
            "from this page, edit them, and save as .xlsx."
        ) from None
    if SHEET not in book.sheetnames:
        raise FileRefused(f"The workbook has no sheet called “{SHEET}”: use an exported file.")
    rows = book[SHEET].iter_rows(values_only=True)
    headings = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    by_heading = {heading: key for key, heading, _ in COLUMNS}
    missing = [h for k, h, _ in COLUMNS if k in REQUIRED and h not in headings]
    if missing:
        raise FileRefused("The “actions” sheet lacks the columns: " + ", ".join(missing) + ".")
    found = []
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise FileRefused(f"The sheet has more than {MAX_ROWS} rows: import fewer at a time.")
        row = {by_heading[h]: v for h, v in zip(headings, values, strict=False) if h in by_heading}
        if all(v in (None, "") for v in row.values()):
            continue
        found.append((number, row))
    return found


def _text(value: Any, heading: str) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]  # our own neutralised text, read back as the text it was
    if text.startswith("="):
        raise ValueError("holds a formula; type the value itself (formulas are not imported)")
    return text


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"“{value}” is not a date; write it as YYYY-MM-DD") from None


class _Lookups:
    def __init__(self, place: Place) -> None:
        self.themes = {
            **{v: v for v in Theme.values},
            **{label.lower(): v for v, label in Theme.choices},
        }
        self.statuses = {
            **{v: v for v in Status.values},
            **{label.lower(): v for v, label in Status.choices},
        }
        self.owners = {o.name.lower(): o for o in Organisation.objects.filter(place=place)}
        self.plans = {p.title.lower(): p for p in Plan.objects.filter(place=place)}
        districts = Area.objects.filter(place=place, kind=AreaKind.DISTRICT)
        self.areas = {a.code.lower(): a for a in districts} | {a.name.lower(): a for a in districts}
        self.users = {
            u.username.lower(): u
            for u in get_user_model().objects.filter(memberships__organisation__place=place)
        }


def _parse(key: str, raw: Any, heading: str, look: _Lookups) -> Any:
    if key in ("planned_start", "planned_end", "actual_start", "actual_end"):
        return _date(raw)
    if key == "budget_gbp":
        if raw in (None, ""):
            return None
        try:
            return Decimal(str(raw).replace(",", "").replace("£", "").strip()).quantize(Decimal(1))
        except InvalidOperation:
            raise ValueError(f"“{raw}” is not an amount of money") from None
    text = _text(raw, heading)
    options = {
        "theme": (look.themes, "one of: " + ", ".join(Theme.labels)),
        "status": (look.statuses, "one of: " + ", ".join(Status.labels)),
        "owner": (look.owners, "the name of a partner organisation of the place"),
        "plan": (look.plans, "the title of one of the place's plans"),
        "area": (look.areas, "a district's GSS code, or blank for the whole place"),
        "lead_officer": (look.users, "the username of a member of a partner organisation"),
    }
    if key in options:
        table, expected = options[key]
        if not text:
            return None
        if text.lower() not in table:
            raise ValueError(f"“{text}” is not known; write {expected}")
        return table[text.lower()]
    return text


def _shown(value: Any, name: str = "") -> str:
    """A value as the diff shows it: themes and statuses by their labels."""
    if value is None:
        return ""
    if name == "theme" and value in Theme.values:
        return Theme(value).label
    if name == "status" and value in Status.values:
        return Status(value).label
    if hasattr(value, "get_full_name") and hasattr(value, "username"):
        return value.username
    return str(value)


def check(place: Place, data: bytes, *, user: Any) -> ImportReport:
    """The dry run: what each row would change, and every error. Changes nothing."""
    require(user, "tracker.import", place)
    report = ImportReport()
    try:
        rows = _read_rows(data)
    except FileRefused as refusal:
        report.errors.append(str(refusal))
        return report
    look = _Lookups(place)
    existing = {
        a.reference.lower(): a for a in services.actions_of(place).select_related("lead_officer")
    }
    headings = {k: h for k, h, _ in COLUMNS}
    seen: dict[str, int] = {}
    for number, row in rows:
        reference = _text(row.get("reference"), "Reference") if row.get("reference") else ""
        result = RowResult(number, reference)
        report.rows.append(result)
        if not reference:
            result.errors.append(("Reference", "Give every row a reference."))
            continue
        if reference.lower() in seen:
            result.errors.append(
                ("Reference", f"{reference} is also on row {seen[reference.lower()]}.")
            )
            continue
        seen[reference.lower()] = number
        current = existing.get(reference.lower())
        result.is_new = current is None
        candidate = Action(place=place) if current is None else Action.objects.get(pk=current.pk)
        for key, heading, name in COLUMNS:
            if key not in row:
                continue
            try:
                value = _parse(name, row[key], heading, look)
            except ValueError as why:
                result.errors.append(
                    (heading, f"{heading} {why}." if str(why)[0].islower() else str(why))
                )
                continue
            if value is None and key in REQUIRED:
                result.errors.append((heading, f"{heading} is needed."))
                continue
            if value is None and name in (
                "status_reason",
                "funding_source",
                "description",
                "title",
            ):
                value = ""
            if name == "status" and value is None:
                value = Status.NOT_STARTED
            before = getattr(candidate, name) if current is not None else None
            if current is None or _shown(before) != _shown(value):
                if current is not None:
                    result.changes.append((heading, _shown(before, name), _shown(value, name)))
                result.values[name] = value
            setattr(candidate, name, value)
        if result.errors:
            continue
        try:
            require(user, "tracker.edit_action", candidate)
            services.check_action(candidate)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                result.errors += [(headings.get(name, name), m) for m in messages]
        except Exception as error:  # PermissionDenied: the reason is the message
            result.errors.append(("Lead organisation", str(error)))
    return report


def apply(place: Place, data: bytes, *, user: Any) -> ImportReport:
    """The real import: checked again, then every row in one transaction, or none."""
    report = check(place, data, user=user)
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            actions = {a.reference.lower(): a for a in services.actions_of(place)}
            for row in report.changed_rows:
                if row.is_new:
                    services.create_action(place, user=user, **row.values)
                elif row.values:
                    services.update_action(actions[row.reference.lower()], user=user, **row.values)
    except ValidationError as error:
        report.errors.append(
            "Nothing was imported: a row changed while importing. "
            + " ".join(m for ms in error.message_dict.values() for m in ms)
        )
        return report
    report.applied = True
    return report
