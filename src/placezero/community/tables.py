"""The community pages' tables (`placezero.tables`): a business case's cash flow and the
network's figures per group, so the page, its chart and the XLSX download share one table."""

from __future__ import annotations

from typing import Any

from placezero.tables import About, Column, Table

from .finance import BusinessCase

CASE_ABOUT = About(
    source=(
        "placezero's business case method (cash flow, payback, IRR, NPV) on the engine's "
        "figures for the opportunity and the inputs shown, each default marked with its source"
    ),
    method_url="",
    licence="not published: for the group and the fund's officers",
    licence_url="",
    attribution="",
)


def cash_flow(case: BusinessCase, project_name: str) -> Table:
    rows = [
        {
            "year": 0,
            "output": 0.0,
            "income": 0.0,
            "opex": 0.0,
            "benefit": 0.0,
            "net": -case.investment_gbp,
            "cumulative": -case.investment_gbp,
            "loan_interest": 0.0,
            "loan_repaid": 0.0,
            "equity_net": -case.equity_gbp,
            "share_interest": 0.0,
            "share_repaid": 0.0,
            "society": 0.0,
        }
    ]
    society = 0.0
    for flow in case.years:
        society += flow.society_net_gbp
        rows.append(
            {
                "year": flow.year,
                "output": flow.output_mwh,
                "income": flow.income_gbp,
                "opex": flow.opex_gbp,
                "benefit": flow.community_benefit_gbp,
                "net": flow.net_gbp,
                "cumulative": flow.cumulative_gbp,
                "loan_interest": flow.loan_interest_gbp,
                "loan_repaid": flow.loan_principal_gbp,
                "equity_net": flow.equity_net_gbp,
                "share_interest": flow.share_interest_gbp,
                "share_repaid": flow.share_repaid_gbp,
                "society": society,
            }
        )
    columns = [
        Column("year", "Year"),
        Column("output", "Output", "MWh", 1),
        Column("income", "Income", "GBP"),
        Column("opex", "Operating cost", "GBP"),
        Column("benefit", "Community benefit fund", "GBP"),
        Column("net", "Net cash flow (project)", "GBP"),
        Column("cumulative", "Cumulative (project)", "GBP"),
    ]
    notes = ["Year 0 is the capital cost less grants, raised by the group."]
    if case.has_financing:
        columns += [
            Column("loan_interest", "Loan interest", "GBP"),
            Column("loan_repaid", "Loan repaid", "GBP"),
            Column("equity_net", "Cash to the group's own money (equity)", "GBP"),
            Column("share_interest", "Share interest", "GBP"),
            Column("share_repaid", "Share capital repaid", "GBP"),
            Column("society", "Society's cash after financing, running total", "GBP"),
        ]
        notes.append(
            "Financing: the loan is repaid as an annuity (the same payment each year); the "
            "equity column is the net cash flow less the loan payment, with the group's own "
            "money (capital less grants less the loan) in year 0; the society's cash is "
            "after share interest and share capital repaid as well."
        )
    return Table(
        slug="cash-flow",
        caption=f"Cash flow of {project_name}, year by year",
        columns=tuple(columns),
        rows=tuple(rows),
        about=CASE_ABOUT,
        notes=tuple(notes),
    )


def inputs_table(record: Any, labels: dict[str, str], sources: list[tuple[str, str]]) -> Table:
    rows = [{"input": labels.get(name, name), "value": getattr(record, name)} for name in labels]
    rows += [{"input": f"Source: {name}", "value": text} for name, text in sources]
    return Table(
        slug="inputs",
        caption="Inputs and their sources",
        columns=(Column("input", "Input"), Column("value", "Value")),
        rows=tuple(rows),
        about=CASE_ABOUT,
    )


NETWORK_ABOUT = About(
    source="Groups' own reports (members, volunteers, staff) and their operating projects, "
    "with the engine's figures at adoption",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    attribution="",
)


def network_table(totals: Any) -> Table:
    rows = tuple(
        {
            "group": row["group"].name,
            "district": row["group"].area.name,
            "step": row["group"].current_step,
            "members": row["group"].members,
            "volunteers": row["group"].volunteers,
            "staff": row["group"].staff,
            "mw": row["mw"],
            "mwh": row["mwh"],
            "carbon": row["carbon"],
            "benefit": row["benefit"],
        }
        for row in totals.by_group
    )
    return Table(
        slug="network",
        caption="Community energy organisations and their figures",
        columns=(
            Column("group", "Organisation"),
            Column("district", "District"),
            Column("step", "Step"),
            Column("members", "Members", "people"),
            Column("volunteers", "Volunteers", "people"),
            Column("staff", "Staff", "people"),
            Column("mw", "Installed", "MW", 2),
            Column("mwh", "Generation", "MWh a year"),
            Column("carbon", "Carbon saved", "tCO2e a year", 1),
            Column("benefit", "Community benefit", "GBP a year"),
        ),
        rows=rows,
        about=NETWORK_ABOUT,
    )
