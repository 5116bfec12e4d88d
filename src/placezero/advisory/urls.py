"""Advisory routes, under /places/<place_slug>/advice/ (and /advice/ for the default place,
/advice/feeds/<token>/ for a follower's secret feed)."""

from django.urls import path

from .views import follow, resources, search, taxonomy, wizard, wizard_rules

app_name = "advisory"
PER_PLACE = "places/<slug:place_slug>/advice/"
urlpatterns = [
    path("advice/", search.index, name="index"),
    path("advice/feeds/<str:token>/", follow.FollowerFeed(), name="follower_feed"),
    path(
        "advice/feeds/searches/<str:token>/",
        follow.SavedSearchFeed(),
        name="saved_search_feed",
    ),
    path(PER_PLACE, search.home, name="home"),
    path(PER_PLACE + "services.json", search.support_directory, name="support_directory"),
    path(PER_PLACE + "resources/new/", resources.resource_new, name="resource_new"),
    path(PER_PLACE + "resources/<slug:slug>/", resources.resource_page, name="resource"),
    path(PER_PLACE + "resources/<slug:slug>/edit/", resources.resource_edit, name="resource_edit"),
    path(
        PER_PLACE + "resources/<slug:slug>/documents/",
        resources.document_upload,
        name="document_upload",
    ),
    path(PER_PLACE + "documents/<int:document_id>/", resources.document_file, name="document"),
    path(PER_PLACE + "check/", wizard.start, name="wizard"),
    path(PER_PLACE + "check/results/", wizard.results, name="wizard_results"),
    # Before check/<question>/: "flow" and "rules" are not question keys.
    path(PER_PLACE + "check/flow/", wizard_rules.flow, name="wizard_flow"),
    path(PER_PLACE + "check/rules/", wizard_rules.rules_page, name="wizard_rules"),
    path(PER_PLACE + "check/rules/new/", wizard_rules.rule_edit, name="wizard_rule_new"),
    path(
        PER_PLACE + "check/rules/<int:rule_id>/",
        wizard_rules.rule_edit,
        name="wizard_rule_edit",
    ),
    path(
        PER_PLACE + "check/rules/questions/<slug:key>/",
        wizard_rules.question_edit,
        name="wizard_question_edit",
    ),
    path(
        PER_PLACE + "check/rules/questions/<slug:key>/answers/new/",
        wizard_rules.option_edit,
        name="wizard_option_new",
    ),
    path(
        PER_PLACE + "check/rules/questions/<slug:key>/answers/<slug:value>/",
        wizard_rules.option_edit,
        name="wizard_option_edit",
    ),
    path(PER_PLACE + "check/<slug:question>/", wizard.question, name="wizard_question"),
    path(PER_PLACE + "taxonomy/", taxonomy.taxonomy, name="taxonomy"),
    path(PER_PLACE + "taxonomy/<slug:kind>/new/", taxonomy.taxon_edit, name="taxon_new"),
    path(PER_PLACE + "taxonomy/<slug:kind>/<slug:slug>/", taxonomy.taxon_edit, name="taxon_edit"),
    path(PER_PLACE + "follow/", follow.follow_page, name="follow"),
    path(PER_PLACE + "saved-searches/", follow.save_search, name="save_search"),
    path(
        PER_PLACE + "saved-searches/<int:saved_search_id>/delete/",
        follow.saved_search_delete,
        name="saved_search_delete",
    ),
    path(PER_PLACE + "topics/<slug:topic>/feed/", follow.TopicFeed(), name="topic_feed"),
]
