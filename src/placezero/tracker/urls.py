"""Tracker routes, under /places/<place_slug>/actions/ (namespace `tracker`)."""

from django.urls import path

from .views import actions, changes, dashboard, spreadsheet

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
]
