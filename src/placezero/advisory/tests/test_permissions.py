"""Permission matrix: every advisory route and service, for each role, in this place and
another. Reading is public; a place's partner editors and officers (and administrators)
curate it; people of another place may not; national resources are for administrators;
following needs an account. Every route must be in ROUTES, so a new one cannot be forgotten."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver

from placezero.advisory import services
from placezero.advisory.models import Resource, WizardRule
from placezero.advisory.services import wizard_rules
from placezero.advisory.tests.conftest import client_for

ROLES = [
    "anonymous",
    "resident",
    "member",
    "editor",
    "editor_elsewhere",
    "officer",
    "officer_elsewhere",
    "administrator",
]
CURATORS = {"editor", "officer", "administrator"}
PUBLIC = dict.fromkeys(ROLES, 200)


def _curators(allowed: int = 200) -> dict[str, int]:
    return {r: allowed if r in CURATORS else (302 if r == "anonymous" else 403) for r in ROLES}


SIGNED_IN = {r: 302 if r == "anonymous" else 200 for r in ROLES}
ADMINISTRATORS = {
    r: 200 if r == "administrator" else (302 if r == "anonymous" else 403) for r in ROLES
}

# name -> (method, path under /places/leicestershire/advice/ or absolute, expected by role)
ROUTES: dict[str, list[tuple[str, str, dict[str, int]]]] = {
    "index": [("get", "/advice/", dict.fromkeys(ROLES, 302))],
    "home": [("get", "", PUBLIC)],
    "support_directory": [("get", "services.json", PUBLIC)],
    "resource": [
        ("get", "resources/loft-insulation/", PUBLIC),
        ("get", "resources/draft-ground-source/", _curators()),
    ],
    "resource_new": [("get", "resources/new/", _curators())],
    "resource_edit": [
        ("get", "resources/village-hall-solar-guide/edit/", _curators()),
        ("get", "resources/loft-insulation/edit/", ADMINISTRATORS),  # national
    ],
    "document_upload": [
        # Curators get past the check to the form's own error (no file): 400.
        ("post", "resources/village-hall-solar-guide/documents/", _curators(400)),
    ],
    "document": [("get", "documents/{document}/", PUBLIC)],
    "wizard": [("get", "check/", PUBLIC)],
    "wizard_question": [("get", "check/who/", PUBLIC)],
    "wizard_results": [
        ("get", "check/results/?who=tenant&where=elsewhere&what=save-energy&situation=none", PUBLIC)
    ],
    "follow": [("get", "follow/", SIGNED_IN)],
    "topic_feed": [("get", "topics/solar/feed/", PUBLIC)],
    "follower_feed": [("get", "/advice/feeds/{token}/", PUBLIC)],
    # Signed in: past the check to the service's refusal of an empty search (400).
    "save_search": [
        ("post", "saved-searches/", {r: 302 if r == "anonymous" else 400 for r in ROLES})
    ],
    "saved_search_feed": [("get", "/advice/feeds/searches/{search_token}/", PUBLIC)],
    # The resident's own saved search: theirs to delete (after its feed is read); anyone
    # else's is not found.
    "saved_search_delete": [
        (
            "post",
            "saved-searches/{saved}/delete/",
            {r: 302 if r in {"anonymous", "resident"} else 404 for r in ROLES},
        )
    ],
    "wizard_flow": [("get", "check/flow/", PUBLIC)],
    "taxonomy": [("get", "taxonomy/", _curators())],
    "taxon_new": [("get", "taxonomy/topics/new/", _curators())],
    "taxon_edit": [("get", "taxonomy/audiences/parishes/", _curators())],
    "wizard_rules": [("get", "check/rules/", _curators())],
    "wizard_rule_new": [("get", "check/rules/new/", _curators())],
    "wizard_rule_edit": [("get", "check/rules/{rule}/", _curators())],
    "wizard_question_edit": [("get", "check/rules/questions/who/", _curators())],
    "wizard_option_new": [("get", "check/rules/questions/who/answers/new/", _curators())],
    "wizard_option_edit": [("get", "check/rules/questions/who/answers/parish/", _curators())],
}


def test_every_advisory_route_is_in_the_matrix() -> None:
    names = {p.name for p in get_resolver().namespace_dict["advisory"][1].url_patterns if p.name}
    assert names == set(ROUTES)


@pytest.fixture
def fixtures(demo: Any, draft: Resource, people: dict, taxonomy: None) -> dict[str, Any]:
    guide = Resource.objects.get(slug="village-hall-solar-guide")
    upload = SimpleUploadedFile("a.csv", b"a,b\n1,2\n")
    document = services.attach_document(people["administrator"], guide, title="Data", upload=upload)
    follow = services.set_follow(people["resident"], demo, topics=["solar"], audiences=[])
    saved = services.save_search(people["resident"], demo, "solar")
    wizard_rules.seed(people["administrator"], demo)
    rule = WizardRule.objects.filter(place=demo).first()
    return {
        "document": document.pk,
        "token": follow.token,
        "saved": saved.pk,
        "search_token": saved.token,
        "rule": rule.pk,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_route_answers_each_role_as_the_rules_say(
    role: str, demo: Any, people: dict, fixtures: dict
) -> None:
    client = client_for(people[role])
    wrong = []
    for name, cases in ROUTES.items():
        for method, path, expected in cases:
            path = path.format(**fixtures)
            url = path if path.startswith("/") else f"/places/{demo.slug}/advice/{path}"
            response = getattr(client, method)(url)
            if response.status_code != expected[role]:
                wrong.append(f"{name} {method} {url}: {response.status_code}, not {expected[role]}")
            if response.status_code == 403:
                assert "You cannot do this" in response.content.decode()
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_services_refuse_whoever_the_rules_refuse(
    role: str, demo: Any, draft: Resource, people: dict
) -> None:
    user = people[role]
    guide = Resource.objects.get(slug="village-hall-solar-guide")
    national = Resource.objects.get(slug="loft-insulation")
    calls = {
        "save_resource (new)": lambda: services.save_resource(
            user,
            demo,
            {"kind": "guide", "title": "T", "slug": f"t-{role}", "summary": "S"},
            audiences=["parishes"],
            topics=["solar"],
        ),
        "save_resource (change)": lambda: services.save_resource(
            user,
            demo,
            {"title": "Changed"},
            audiences=["parishes"],
            topics=["solar"],
            resource=guide,
        ),
        "save_resource (national)": lambda: services.save_resource(
            user,
            demo,
            {"title": "Changed"},
            audiences=["householders"],
            topics=["insulation"],
            resource=national,
        ),
        "attach_document": lambda: services.attach_document(
            user, guide, title="x", upload=SimpleUploadedFile("a.txt", b"hello")
        ),
        "get_resource (draft)": lambda: services.get_resource(demo, draft.slug, user),
        "set_follow": lambda: services.set_follow(user, demo, topics=["solar"], audiences=[]),
        "search": lambda: services.search(demo, user, "solar"),
        "save_search": lambda: services.save_search(user, demo, "heat pump"),
        "saved_searches_of": lambda: services.saved_searches_of(user, demo),
        "wizard_rules.seed": lambda: wizard_rules.seed(user, demo),
        "save_taxon": lambda: services.save_taxon(
            user, demo, "topics", {"slug": f"t-{role}", "name": f"Topic {role}"}
        ),
        "wizard_rules.save_rule": lambda: wizard_rules.save_rule(
            user, demo, {"question": "who", "answer": "parish", "topic": "solar", "weight": 2}
        ),
        "wizard_rules.save_question": lambda: wizard_rules.save_question(
            user, demo, "who", {"title": "Who is asking?"}
        ),
        "wizard_rules.save_option": lambda: wizard_rules.save_option(
            user, demo, "who", {"value": "farmer", "label": "A farm"}
        ),
    }
    allowed = {
        "save_resource (new)": role in CURATORS,
        "save_resource (change)": role in CURATORS,
        "save_resource (national)": role == "administrator",
        "attach_document": role in CURATORS,
        "get_resource (draft)": role in CURATORS,
        "set_follow": role != "anonymous",
        "search": True,
        "save_search": role != "anonymous",
        "saved_searches_of": role != "anonymous",
        "wizard_rules.seed": role in CURATORS,
        "save_taxon": role in CURATORS,
        "wizard_rules.save_rule": role in CURATORS,
        "wizard_rules.save_question": role in CURATORS,
        "wizard_rules.save_option": role in CURATORS,
    }
    wrong = []
    for name, call in calls.items():
        try:
            call()
            refused = False
        except PermissionDenied as error:
            refused = True
            assert str(error), name  # a refusal carries its reason
        if refused == allowed[name]:
            wrong.append(f"{name}: {'refused' if refused else 'allowed'}")
    assert not wrong, f"{role}: " + ", ".join(wrong)


@pytest.mark.django_db
def test_another_places_editor_is_told_why(demo: Any, people: dict, draft: Resource) -> None:
    response = client_for(people["editor_elsewhere"]).get(
        f"/places/{demo.slug}/advice/resources/new/"
    )
    assert response.status_code == 403
    assert "Leicestershire" in response.content.decode()
