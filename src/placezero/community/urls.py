"""Community Energy Pathway routes, per place under /places/<slug>/community/."""

from django.urls import path

from .views import fund, grants, groups, network, projects

app_name = "community"
P = "places/<slug:place_slug>/community/"
A = P + "applications/<int:application_id>/"
urlpatterns = [
    path("community/", groups.index, name="index"),
    path("community/my-data/", network.my_data, name="my_data"),
    path(P, groups.home, name="home"),
    path(P + "groups/", groups.directory, name="directory"),
    path(P + "groups/register/", groups.register, name="register"),
    path(P + "groups/<int:group_id>/", groups.group, name="group"),
    path(P + "groups/<int:group_id>/edit/", groups.edit, name="group_edit"),
    path(P + "groups/<int:group_id>/step/", groups.submit_step, name="submit_step"),
    path(P + "groups/<int:group_id>/sessions/", groups.log_session, name="log_session"),
    path(P + "steps/<int:progress_id>/decide/", groups.decide_step, name="decide_step"),
    path(P + "mentors/", groups.mentors, name="mentors"),
    path(P + "opportunities/", projects.opportunities, name="opportunities"),
    path(P + "opportunities/adopt/", projects.adopt, name="adopt"),
    path(P + "projects/<int:project_id>/", projects.project, name="project"),
    path(
        P + "projects/<int:project_id>/business-case.xlsx",
        projects.project_xlsx,
        name="project_xlsx",
    ),
    path(P + "fund/", fund.rounds, name="rounds"),
    path(P + "fund/new/", fund.round_new, name="round_new"),
    path(P + "fund/<int:round_id>/", fund.round_detail, name="round"),
    path(P + "fund/<int:round_id>/team/", fund.round_team, name="round_team"),
    path(P + "fund/<int:round_id>/apply/<int:group_id>/", fund.apply, name="apply"),
    path(A, fund.application, name="application"),
    path(A + "declare/", fund.declare, name="declare"),
    path(A + "edit/", fund.application_edit, name="application_edit"),
    path(A + "score/", fund.score, name="score"),
    path(A + "determine/", fund.determine, name="determine"),
    path(A + "milestones/", fund.milestone, name="milestone"),
    path(A + "agreement/", grants.agreement, name="agreement"),
    path(A + "agreement/accept/", grants.accept_agreement, name="accept_agreement"),
    path(A + "report/", grants.report, name="report"),
    path(A + "report/decide/", grants.decide_report, name="decide_report"),
    path(A + "claims/", fund.claim, name="claim"),
    path(A + "claims/<int:claim_id>/<slug:action>/", fund.claim_action, name="claim_action"),
    path(P + "network/", network.network_page, name="network"),
    path(P + "awards/360giving.json", network.giving360_json, name="giving360"),
    path(P + "awards/360giving.csv", network.giving360_csv, name="giving360_csv"),
]
