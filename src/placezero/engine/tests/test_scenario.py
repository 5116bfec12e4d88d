"""Scenario files: strict validation with messages that say what is wrong and what to do."""

from __future__ import annotations

import json

import pytest

from placezero.engine.levers import LEVER_KEYS
from placezero.engine.scenario import (
    ScenarioError,
    all_levels,
    load_scenario,
    scenario_from_mapping,
)
from placezero.engine.simulate import simulate


def test_unknown_lever_is_named_with_a_suggestion():
    """Rule: an unknown lever is refused, naming it and the closest known lever."""
    with pytest.raises(
        ScenarioError, match=r"unknown lever 'domestic_heatpumps'.*domestic_heat_pumps"
    ):
        scenario_from_mapping({"levers": {"domestic_heatpumps": 2}})


def test_level_out_of_range_says_the_range():
    """Rule: a level outside 1-4 is refused and the message gives the allowed range."""
    with pytest.raises(ScenarioError, match=r"level 5 is out of range; levels run from 1"):
        scenario_from_mapping({"levers": {"onshore_wind": 5}})


def test_level_must_be_a_number():
    """Rule: a level that is not a number is refused."""
    with pytest.raises(ScenarioError, match=r"not a number"):
        scenario_from_mapping({"levers": {"onshore_wind": "high"}})


def test_unknown_shape_is_refused():
    """Rule: trajectory shapes are linear or s-curve only."""
    with pytest.raises(ScenarioError, match=r"shape 'step' unknown"):
        scenario_from_mapping({"levers": {"onshore_wind": {"level": 2, "shape": "step"}}})


def test_negative_trajectory_value_is_refused():
    """Rule: explicit deployment cannot be negative."""
    with pytest.raises(ScenarioError, match=r"must be a finite number of 0 or more"):
        scenario_from_mapping({"trajectories": {"rooftop_solar": {"D000": {2030: -1}}}})


def test_share_trajectory_above_one_is_refused():
    """Rule: a trajectory for a share lever must stay within 0-1."""
    with pytest.raises(ScenarioError, match=r"is a share"):
        scenario_from_mapping({"trajectories": {"travel_demand": {"D000": {2030: 1.5}}}})


def test_unknown_top_level_key_is_refused():
    """Rule: misspelt sections are not silently ignored."""
    with pytest.raises(ScenarioError, match=r"unknown top-level key"):
        scenario_from_mapping({"lever": {}})


def test_unknown_zone_is_refused_when_run(synthetic, assumptions):
    """Rule: an override for a zone the place lacks is refused before any computation."""
    scenario = scenario_from_mapping({"zones": {"E02999999": {"heat_networks": 3}}})
    with pytest.raises(ScenarioError, match=r"unknown zone 'E02999999'"):
        simulate(synthetic, scenario, assumptions)


def test_unknown_district_is_refused_when_run(synthetic, assumptions):
    """Rule: an override for a district the place lacks is refused, with close matches."""
    scenario = scenario_from_mapping({"districts": {"D0001": {"heat_networks": 3}}})
    with pytest.raises(ScenarioError, match=r"unknown district 'D0001'.*Did you mean"):
        simulate(synthetic, scenario, assumptions)


def test_yaml_and_json_files_read_the_same(tmp_path):
    """Rule: a scenario reads the same from YAML and JSON."""
    data = {"name": "s", "levers": {"onshore_wind": 2.5, "waste": {"level": 3}}}
    (tmp_path / "s.json").write_text(json.dumps(data))
    (tmp_path / "s.yaml").write_text("name: s\nlevers:\n  onshore_wind: 2.5\n  waste: {level: 3}\n")
    assert load_scenario(tmp_path / "s.json") == load_scenario(tmp_path / "s.yaml")


def test_file_errors_name_the_file(tmp_path):
    """Rule: errors from a file start with the file's name."""
    path = tmp_path / "bad.yaml"
    path.write_text("levers:\n  wind: 2\n")
    with pytest.raises(ScenarioError, match=r"^bad.yaml: levers: unknown lever 'wind'"):
        load_scenario(path)


def test_pathway_code_has_one_character_per_lever():
    """Rule: the pathway code has one character per lever; whole levels read as digits."""
    code = all_levels(1).with_levels({"onshore_wind": 4, "waste": 2.5}).code
    assert len(code) == len(LEVER_KEYS)
    assert code[LEVER_KEYS.index("onshore_wind")] == "4"
    assert code[LEVER_KEYS.index("domestic_retrofit")] == "1"


def test_fractional_levels_get_distinct_codes():
    """Rule: levels a tenth apart give different codes."""
    codes = {all_levels(1).with_levels({"waste": 1 + k / 10}).code for k in range(31)}
    assert len(codes) == 31


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), 0.5, 4.01])
def test_non_finite_or_out_of_range_levels_are_refused_naming_the_lever(bad):
    """Rule: NaN, infinite and out-of-range levels (below 1 or above 4) are refused, naming
    the field (levers.<lever>) the value is in."""
    with pytest.raises(ScenarioError, match=r"levers\.waste: level"):
        scenario_from_mapping({"levers": {"waste": bad}})


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_trajectory_values_are_refused_naming_district_and_year(bad):
    """Rule: a NaN or infinite trajectory value is refused with lever, district and year."""
    with pytest.raises(ScenarioError, match=r"trajectories\.domestic_heat_pumps\.E07000129\.2030"):
        scenario_from_mapping(
            {"levers": {}, "trajectories": {"domestic_heat_pumps": {"E07000129": {2030: bad}}}}
        )


def test_a_nan_level_in_a_yaml_file_is_refused_naming_the_file(tmp_path):
    """Rule: YAML's .nan in a scenario file is refused with the file name and the field."""
    path = tmp_path / "plan.yaml"
    path.write_text("levers:\n  onshore_wind: .nan\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"plan\.yaml.*levers\.onshore_wind"):
        load_scenario(path)


def test_a_zone_trajectory_replaces_its_districts_for_that_zone_only(synthetic, assumptions):
    """Rule: a trajectory keyed by a zone code gives that zone its own deployment (the
    least-cost plan's per-zone levers); the district's other zones keep the district's;
    an unknown code is refused naming it."""
    import numpy as np

    zone, district = synthetic.zones[0], synthetic.districts[synthetic.zone_district_index[0]]
    homes = float(synthetic.fossil_heated_households[0])
    scenario = scenario_from_mapping(
        {"name": "z", "levers": {}, "trajectories": {"domestic_heat_pumps": {
            district: {2030: 0.0, 2050: 0.0}, zone: {2030: homes / 4, 2050: homes / 2}}}}
    )  # fmt: skip
    heat_pumps = simulate(synthetic, scenario, assumptions).deployment["heat_pumps"]
    assert heat_pumps[0, -1] == pytest.approx(homes / 2)
    others = np.flatnonzero(synthetic.zone_district_index == synthetic.zone_district_index[0])
    assert np.all(heat_pumps[others[others != 0], -1] == 0)
    bad = scenario_from_mapping(
        {"name": "b", "levers": {}, "trajectories": {"ground_solar": {"E02999999": {2050: 1}}}}
    )
    with pytest.raises(ScenarioError, match=r"unknown district or zone 'E02999999'"):
        simulate(synthetic, bad, assumptions)
