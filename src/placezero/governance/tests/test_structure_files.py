"""A place's governance structure as a file: Leicestershire's imported into Rutland gives the
same structure; bad files are refused with what is wrong, and nothing is written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from placezero.governance import services
from placezero.governance.models import Body, Power, Principle, RoutingRule


def test_leicestershire_s_structure_imported_into_rutland_is_the_same(
    bodies: dict, leicestershire: Any, rutland: Any, administrator: Any
) -> None:
    exported = services.export_structure(leicestershire)
    made = services.import_structure(rutland, exported, user=administrator)
    assert made == {"bodies": 6, "powers": 14, "routing_rules": 9, "principles": 6}
    assert services.structure_of(rutland) == services.structure_of(leicestershire)
    assert Body.objects.get(place=rutland, slug="community-energy").parent.place == rutland


@pytest.mark.parametrize("name", services.starting_templates())
def test_every_starting_template_is_a_valid_file(name: str) -> None:
    data = services.read_file(services.starting_template(name))
    assert len(data["principles"]) == 6


def _nothing_written(place: Any) -> bool:
    return not any(
        m.objects.filter(place=place).exists() for m in (Body, Power, RoutingRule, Principle)
    )


def _refused(place: Any, raw: Any, user: Any) -> list[str]:
    with pytest.raises(services.StructureFileError) as refused:
        services.import_structure(place, raw, user=user)
    assert _nothing_written(place)
    return refused.value.problems


def test_a_file_that_is_not_json_is_refused(rutland: Any, administrator: Any) -> None:
    problems = _refused(rutland, b"{bodies: [", administrator)
    assert problems[0].startswith("The file is not valid JSON")


def test_a_file_of_another_format_is_refused(rutland: Any, administrator: Any) -> None:
    problems = _refused(rutland, json.dumps({"format": "something-else"}), administrator)
    assert "not a placezero governance structure file" in problems[0]


def test_a_file_from_a_newer_format_is_refused(rutland: Any, administrator: Any) -> None:
    data = json.loads(services.starting_template("unitary")) | {"version": 2}
    problems = _refused(rutland, json.dumps(data), administrator)
    assert "format version 2, newer than this placezero reads (up to version 1)" in problems[0]


def test_every_problem_in_a_malformed_file_is_listed(rutland: Any, administrator: Any) -> None:
    data = json.loads(services.starting_template("two-tier-county"))
    data["bodies"][1]["quorum"] = "three"
    data["bodies"][2]["parent"] = "no-such-body"
    data["powers"][0]["tier"] = "empire"
    data["routing_rules"][0]["max_cost_gbp"] = "lots"
    problems = _refused(rutland, json.dumps(data), administrator)
    assert len(problems) == 4, problems
    assert "Body 2 (buildings-energy): “quorum” must be a whole number of at least 1." in problems
    assert any("its parent “no-such-body” is not a body here" in p for p in problems)
    assert any("“tier” is 'empire'; it must be one of county" in p for p in problems)
    assert any("“max_cost_gbp” must be an amount" in p for p in problems)


def test_a_loop_of_parents_is_refused(rutland: Any, administrator: Any) -> None:
    data = json.loads(services.starting_template("unitary"))
    data["bodies"][0]["parent"] = "community-energy"  # the board under its own grandchild
    problems = _refused(rutland, json.dumps(data), administrator)
    assert any("is its own parent through others" in p for p in problems)


def test_a_place_that_has_a_structure_is_refused(
    bodies: dict, leicestershire: Any, administrator: Any
) -> None:
    before = services.structure_of(leicestershire)
    with pytest.raises(services.StructureFileError, match="already has a governance structure"):
        services.import_structure(
            leicestershire, services.starting_template("unitary"), user=administrator
        )
    assert services.structure_of(leicestershire) == before


def test_the_import_page_shows_each_problem(rutland: Any, administrator: Any) -> None:
    client = Client()
    client.force_login(administrator)
    upload = SimpleUploadedFile(
        "x.json", b'{"format": "placezero-governance-structure", "version": 9}'
    )
    response = client.post(
        f"/places/{rutland.slug}/governance/structure/import/", {"structure_file": upload}
    )
    assert response.status_code == 400
    assert "format version 9, newer than this placezero reads" in response.content.decode()
    assert _nothing_written(rutland)


def test_the_download_is_the_export(bodies: dict, leicestershire: Any) -> None:
    response = Client().get(f"/places/{leicestershire.slug}/governance/structure.json")
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="governance-leicestershire.json"'
    )
    assert json.loads(response.content)["bodies"] == services.structure_of(leicestershire)["bodies"]
