"""Tracker routes, under /places/<place_slug>/actions/ (namespace `tracker`)."""

from django.urls import path

from .views import actions, changes, dashboard, opendata, planning, reports, spreadsheet

app_name = "tracker"
PER_PLACE = "places/<slug:place_slug>/actions/"
ACTION = PER_PLACE + "<int:action_id>/"
urlpatterns = [
    path("actions/", dashboard.index, name="index"),
    path(PER_PLACE, dashboard.dashboard_page, name="dashboard"),
    path(PER_PLACE + "all/", dashboard.action_list, name="actions"),
    path(PER_PLACE + "new/", actions.action_new, name="action_new"),
    path(PER_PLACE + "actions.xlsx", spreadsheet.export, name="export"),
    path(PER_PLACE + "import/", spreadsheet.import_page, name="import"),
    path(PER_PLACE + "actions.csv", opendata.actions_csv, name="open_csv"),
    path(PER_PLACE + "actions.json", opendata.actions_json, name="open_json"),
    path(PER_PLACE + "priority/", planning.priority_page, name="priority"),
    path(PER_PLACE + "priority/weights/", planning.set_priority_weights, name="priority_set"),
    path(PER_PLACE + "reports/", reports.report_list, name="reports"),
    path(PER_PLACE + "reports/issue/", reports.report_issue, name="report_issue"),
    path(PER_PLACE + "reports/<int:report_id>/", reports.report_page, name="report"),
    path(PER_PLACE + "reports/<int:report_id>/report.pdf", reports.report_pdf, name="report_pdf"),
    path(ACTION, actions.action_page, name="action"),
    path(ACTION + "edit/", actions.action_edit, name="action_edit"),
    path(ACTION + "milestones/", changes.add_milestone, name="milestone_add"),
    path(
        ACTION + "milestones/<int:milestone_id>/done/",
        changes.complete_milestone,
        name="milestone_done",
    ),
    path(ACTION + "dependencies/", changes.add_dependency, name="dependency_add"),
    path(
        ACTION + "dependencies/<int:dependency_id>/remove/",
        changes.remove_dependency,
        name="dependency_remove",
    ),
    path(ACTION + "levers/", changes.link_lever, name="lever_link"),
    path(ACTION + "updates/", changes.post_update, name="update_post"),
    path(ACTION + "risks/", planning.add_risk, name="risk_add"),
    path(ACTION + "risks/<int:risk_id>/remove/", planning.remove_risk, name="risk_remove"),
]
