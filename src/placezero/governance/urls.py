"""Governance routes, per place under /places/<place_slug>/governance/."""

from django.urls import path

from .views import decisions, evaluation, meetings, structure, structure_edit, structure_files

app_name = "governance"
P = "places/<slug:place_slug>/governance/"
D = P + "decisions/<int:number>/"
urlpatterns = [
    path("governance/", structure.index, name="index"),
    path(P, structure.place_overview, name="place"),
    path(P + "bodies/new/", structure_edit.body_new, name="body_new"),
    path(P + "bodies/<slug:body_slug>/", structure.body, name="body"),
    path(P + "bodies/<slug:body_slug>/edit/", structure_edit.body_edit, name="body_edit"),
    path(
        P + "bodies/<slug:body_slug>/members/<int:seat_id>/edit/",
        structure_edit.member_edit,
        name="member_edit",
    ),
    path(P + "bodies/<slug:body_slug>/members/new/", structure.member_new, name="member_new"),
    path(P + "bodies/<slug:body_slug>/meetings/new/", meetings.meeting_new, name="meeting_new"),
    path(P + "meetings/<int:meeting_id>/", meetings.meeting, name="meeting"),
    path(P + "powers/", structure.powers, name="powers"),
    path(P + "powers/<slug:power_key>/", structure.power, name="power"),
    path(P + "powers/<slug:power_key>/edit/", structure.power_edit, name="power_edit"),
    path(P + "rules/", structure_edit.rules, name="rules"),
    path(P + "rules/new/", structure_edit.rule_new, name="rule_new"),
    path(P + "rules/<int:rule_id>/edit/", structure_edit.rule_edit, name="rule_edit"),
    path(P + "pact/", structure.pact, name="pact"),
    path(P + "decisions/", decisions.decision_list, name="decisions"),
    path(P + "decisions/new/", decisions.propose, name="propose"),
    path(D, decisions.decision, name="decision"),
    path(D + "vote/", decisions.vote, name="vote"),
    path(D + "interest/", decisions.interest, name="interest"),
    path(D + "notice/", decisions.notice, name="notice"),
    path(P + "outcomes/<int:outcome_id>/", decisions.outcome, name="outcome"),
    path(P + "principles/", evaluation.principles, name="principles"),
    path(P + "principles/<int:order>/edit/", evaluation.principle_edit, name="principle_edit"),
    path(P + "evaluation/<int:round_id>/", evaluation.round_report, name="round"),
    path(P + "evaluation/<int:round_id>/report.pdf", evaluation.round_pdf, name="round_pdf"),
    path(P + "evaluation/<int:round_id>/answer/", evaluation.answer, name="answer"),
    path(P + "evaluation/<int:round_id>/answers/", evaluation.answers, name="answers"),
    path(P + "evaluation/<int:round_id>/close/", evaluation.close, name="round_close"),
    path(P + "structure/", structure_files.structure, name="structure"),
    path(P + "structure.json", structure_files.download, name="structure_file"),
    path(P + "structure/import/", structure_files.import_file, name="structure_import"),
]
