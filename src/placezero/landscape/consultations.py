"""Consultations: set up and changed by officers of the place, each with its area, dates,
technologies, questions, versioned privacy notice and consent text, retention period and
the decisions it will inform. Every change is checked whole here and written in one
transaction (history: simple-history on each model), and refused with
`ContributionError({field: message})` when anything is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from placezero.accounts.permissions import require
from placezero.places import services as places

from . import validation
from .models import ConsentText, Consultation
from .options import Technology
from .validation import ContributionError

if TYPE_CHECKING:
    from placezero.places.models import Place

MAX_QUESTIONS = 10
MAX_CHOICES = 8
MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = 30, 3650
LONG_TEXT = 5000


def today() -> dt.date:
    return timezone.localdate()


def consultations_of(place: Place) -> list[Consultation]:
    return list(Consultation.objects.filter(place=place))


def consultation_of(place: Place, slug: str) -> Consultation | None:
    return Consultation.objects.filter(place=place, slug=slug).select_related("place").first()


def state(consultation: Consultation, on: dt.date | None = None) -> str:
    on = on or today()
    if on < consultation.opens_on:
        return "upcoming"
    return "open" if on <= consultation.closes_on else "closed"


def open_consultations(place: Place) -> list[Consultation]:
    return [c for c in consultations_of(place) if state(c) == "open"]


def zone_codes_of(consultation: Consultation) -> set[str] | None:
    """The zones the consultation asks about; None for the whole place."""
    if not consultation.district_codes and not consultation.zone_codes:
        return None
    codes = set(consultation.zone_codes)
    for district in consultation.district_codes:
        codes |= {z.code for z in places.zones(consultation.place, area_code=district)}
    return codes


def districts_of(place: Place) -> list[tuple[str, str]]:
    """(code, name) of the areas holding the place's zones: its districts, A to Z (for a
    unitary place, the place itself)."""
    found = {z.area.code: z.area.name for z in places.zones(place)}
    return sorted(found.items(), key=lambda item: item[1])


def area_label(consultation: Consultation) -> str:
    if not consultation.district_codes and not consultation.zone_codes:
        return f"All of {consultation.place.name}"
    names = dict(districts_of(consultation.place))
    parts = [names.get(code, code) for code in consultation.district_codes]
    if consultation.zone_codes:
        parts.append(f"{len(consultation.zone_codes)} neighbourhoods")
    return ", ".join(parts)


# --- checking what officers typed -------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """A consultation's fields, checked."""

    fields: dict[str, Any]
    privacy_notice: str
    consent_text: str


def parse_questions(raw: str) -> list[dict[str, Any]]:
    """One question a line: `Question? | first choice | second choice`."""
    questions, keys = [], set()
    lines = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    if len(lines) > MAX_QUESTIONS:
        raise ContributionError({"questions": f"Ask at most {MAX_QUESTIONS} extra questions."})
    for number, line in enumerate(lines, start=1):
        text, *choices = [part.strip() for part in line.split("|")]
        choices = [c for c in choices if c]
        if not text or not 2 <= len(choices) <= MAX_CHOICES:
            raise ContributionError(
                {"questions": f"Line {number}: write the question, then 2 to {MAX_CHOICES} "
                              "answers, each after a “|” (Question? | Yes | No)."}
            )  # fmt: skip
        key = slugify(text)[:40] or f"question-{number}"
        if key in keys:
            key = f"{key}-{number}"
        keys.add(key)
        questions.append({"key": key, "text": text, "choices": choices})
    return questions


def questions_as_text(questions: list[dict[str, Any]]) -> str:
    return "\n".join(" | ".join([q["text"], *q["choices"]]) for q in questions)


def _text(raw: Any, field: str, label: str, limit: int, errors: dict, required: bool) -> str:
    try:
        text = validation.plain_text(raw, field, label, limit)
    except ContributionError as caught:
        errors.update(caught.errors)
        return ""
    if required and not text:
        errors[field] = f"Enter {label.lower()}."
    return text


def check(place: Place, data: dict[str, Any], *, editing: Consultation | None = None) -> Settings:
    errors: dict[str, str] = {}
    title = _text(data.get("title"), "title", "The title", 200, errors, True)
    summary = _text(data.get("summary"), "summary", "The summary", LONG_TEXT, errors, False)
    decisions = _text(
        data.get("decisions_informed"), "decisions_informed",
        "The decisions it will inform", LONG_TEXT, errors, True,
    )  # fmt: skip
    notice = _text(
        data.get("privacy_notice"), "privacy_notice", "The privacy notice", LONG_TEXT, errors, True
    )
    consent = _text(
        data.get("consent_text"), "consent_text", "The consent text", 1000, errors, True
    )
    opens, closes = data.get("opens_on"), data.get("closes_on")
    if not isinstance(opens, dt.date):
        errors["opens_on"] = "Enter the date it opens, for example 1 3 2027."
    if not isinstance(closes, dt.date):
        errors["closes_on"] = "Enter the date it closes, for example 30 4 2027."
    elif isinstance(opens, dt.date) and closes < opens:
        errors["closes_on"] = "The closing date must be on or after the opening date."
    technologies = [t for t in data.get("technologies") or [] if t]
    if not technologies:
        errors["technologies"] = "Choose at least one technology to ask about."
    elif unknown := sorted(set(technologies) - set(Technology.values)):
        errors["technologies"] = f"Unknown technology: {', '.join(unknown)}."
    districts = sorted(set(data.get("district_codes") or []))
    known_districts = {code for code, _ in districts_of(place)}
    if unknown := sorted(set(districts) - known_districts):
        errors["district_codes"] = f"{place.name} has no district {', '.join(unknown)}."
    zone_codes = sorted({c.strip() for c in data.get("zone_codes") or [] if c.strip()})
    known_zones = {z.code for z in places.zones(place)}
    if unknown := sorted(set(zone_codes) - known_zones):
        errors["zone_codes"] = (
            f"{place.name} has no neighbourhood (zone) {', '.join(unknown[:5])}; use zone codes "
            "such as those in the results table."
        )
    try:
        questions = parse_questions(data.get("questions_text", ""))
    except ContributionError as caught:
        errors.update(caught.errors)
        questions = []
    retention = data.get("retention_days")
    if not isinstance(retention, int) or not MIN_RETENTION_DAYS <= retention <= MAX_RETENTION_DAYS:
        errors["retention_days"] = (
            f"Keep personal data between {MIN_RETENTION_DAYS} and {MAX_RETENTION_DAYS:,} days "
            "after closing."
        )
    slug = editing.slug if editing else (slugify(title)[:50] or "consultation")
    if slug == "new":  # the set-up page's own address
        slug = "new-consultation"
    if not editing and Consultation.objects.filter(place=place, slug=slug).exists():
        errors["title"] = f"{place.name} already has a consultation called “{title}”."
    if errors:
        raise ContributionError(errors)
    fields = {
        "slug": slug, "title": title, "summary": summary, "decisions_informed": decisions,
        "opens_on": opens, "closes_on": closes, "technologies": technologies,
        "district_codes": districts, "zone_codes": zone_codes, "questions": questions,
        "asks_reason": bool(data.get("asks_reason", True)), "retention_days": retention,
    }  # fmt: skip
    return Settings(fields, notice, consent)


# --- changing -----------------------------------------------------------------------------


@transaction.atomic
def create(place: Place, data: dict[str, Any], *, user: Any) -> Consultation:
    require(user, "landscape.set_up", place)
    checked = check(place, data)
    consultation = Consultation(place=place, created_by=user, **checked.fields)
    consultation._history_user = user
    consultation.save()
    _new_consent(consultation, checked, user, version=1)
    return consultation


@transaction.atomic
def update(consultation: Consultation, data: dict[str, Any], *, user: Any) -> Consultation:
    """Change a consultation; a changed privacy notice or consent text becomes a new
    version, so earlier contributions keep the text their contributors agreed to."""
    require(user, "landscape.set_up", consultation.place)
    current = Consultation.objects.select_for_update().get(pk=consultation.pk)
    checked = check(current.place, data, editing=current)
    for name, value in checked.fields.items():
        setattr(current, name, value)
    current._history_user = user
    current.save()
    consent = current.current_consent()
    if (consent.privacy_notice, consent.consent_text) != (
        checked.privacy_notice,
        checked.consent_text,
    ):
        _new_consent(current, checked, user, version=consent.version + 1)
    return current


def _new_consent(consultation: Consultation, checked: Settings, user: Any, *, version: int):
    consent = ConsentText(
        consultation=consultation, version=version,
        privacy_notice=checked.privacy_notice, consent_text=checked.consent_text,
    )  # fmt: skip
    consent._history_user = user
    consent.save()
    return consent


def initial(consultation: Consultation) -> dict[str, Any]:
    """The consultation as the set-up form's initial values."""
    consent = consultation.current_consent()
    return {
        "title": consultation.title, "summary": consultation.summary,
        "decisions_informed": consultation.decisions_informed,
        "opens_on": consultation.opens_on, "closes_on": consultation.closes_on,
        "technologies": consultation.technologies,
        "district_codes": consultation.district_codes,
        "zone_codes": "\n".join(consultation.zone_codes),
        "questions_text": questions_as_text(consultation.questions),
        "asks_reason": consultation.asks_reason,
        "retention_days": consultation.retention_days,
        "privacy_notice": consent.privacy_notice, "consent_text": consent.consent_text,
    }  # fmt: skip
