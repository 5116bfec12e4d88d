"""`placezero pathway ...` commands."""

from __future__ import annotations

import csv

import pyarrow.parquet as pq
import pytest

from placezero.cli import main
from placezero.engine.golden import SCENARIO_DIR

BALANCED = str(SCENARIO_DIR / "balanced.yaml")


def test_run_writes_a_long_csv(tmp_path, capsys):
    """Rule: `pathway run` writes one row per zone, year and variable, with units."""
    out = tmp_path / "r.csv"
    assert (
        main(
            [
                "pathway",
                "run",
                "--place",
                "leicestershire",
                "--scenario",
                BALANCED,
                "--out",
                str(out),
            ]
        )
        == 0
    )
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert {"zone", "district", "year", "variable", "value", "unit"} == set(rows[0])
    assert len(rows) % (83 * 28) == 0  # 83 zones x 2023-2050
    assert "[3/4] simulated" in capsys.readouterr().err


def test_run_writes_parquet(tmp_path):
    """Rule: a .parquet --out gives the same long table in Parquet."""
    out = tmp_path / "r.parquet"
    main(["pathway", "run", "--place", "leicestershire", "--scenario", BALANCED, "--out", str(out)])
    table = pq.read_table(out)
    assert table.column_names == ["zone", "district", "year", "variable", "value", "unit"]


def test_run_with_bad_scenario_exits_with_the_reason(tmp_path):
    """Rule: a bad scenario stops the run with the validation message, writing nothing."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("levers:\n  domestic_heat_pumps: 7\n")
    out = tmp_path / "r.csv"
    with pytest.raises(SystemExit, match=r"level 7 is out of range"):
        main(
            [
                "pathway",
                "run",
                "--place",
                "leicestershire",
                "--scenario",
                str(bad),
                "--out",
                str(out),
            ]
        )
    assert not out.exists()


def test_run_with_unknown_place_exits_with_the_reason(tmp_path):
    """Rule: an unknown place names itself and how to build it."""
    with pytest.raises(SystemExit, match=r"no place pack 'atlantis'.*placezero place build"):
        main(
            [
                "pathway",
                "run",
                "--place",
                "atlantis",
                "--scenario",
                BALANCED,
                "--out",
                str(tmp_path / "r.csv"),
            ]
        )


def test_calibrate_prints_the_table_and_succeeds(capsys):
    """Rule: `pathway calibrate` prints every district and year against DESNZ territorial
    and exits 0 when all fit."""
    assert main(["pathway", "calibrate", "--place", "leicestershire"]) == 0
    out = capsys.readouterr().out
    assert "35 of 35 within tolerance" in out  # 7 districts x 2019-2023


def test_fes_check_without_fes_data_says_what_is_missing():
    """Rule: a place whose pack has no FES figures gets a clear message, not a traceback."""
    with pytest.raises(SystemExit, match=r"no FES 2023 'CT' figures .* for E06000017"):
        main(["pathway", "fes-check", "--place", "rutland"])


def test_impacts_prints_a_macc(capsys):
    """Rule: `pathway impacts` lists abating levers cheapest per tonne first."""
    assert main(["pathway", "impacts", "--place", "leicestershire", "--scenario", BALANCED]) == 0
    out = capsys.readouterr().out.splitlines()
    costs = [float(line.split()[-1].replace(",", "")) for line in out[2:-1]]
    assert costs == sorted(costs) and len(costs) >= 8
