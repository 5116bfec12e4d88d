"""Citizen landscaping routes: per place under /places/<place_slug>/landscape/, and a
contributor's own data under /landscape/."""

from django.urls import path

from .views import consultations, contribute, moderation, own, results

app_name = "landscape"
PER_PLACE = "places/<slug:place_slug>/landscape/"
CONSULTATION = PER_PLACE + "consultations/<slug:consultation_slug>/"
urlpatterns = [
    path("landscape/", contribute.index, name="index"),
    path("landscape/mine/", own.mine, name="mine"),
    path("landscape/mine/<int:pk>/delete/", own.delete_mine, name="delete_mine"),
    path("landscape/link/<str:token>/", own.secret, name="secret"),
    path(PER_PLACE, contribute.say, name="say"),
    path(PER_PLACE + "without-map/", contribute.say_without_map, name="say_without_map"),
    path(PER_PLACE + "thanks/", contribute.thanks, name="thanks"),
    path(PER_PLACE + "results/", results.results, name="results"),
    path(PER_PLACE + "pathway/", results.pathway, name="pathway"),
    path(PER_PLACE + "moderation/", moderation.queue, name="queue"),
    path(PER_PLACE + "moderation/bulk/", moderation.bulk, name="bulk"),
    path(PER_PLACE + "moderation/<int:pk>/", moderation.moderate_one, name="moderate_one"),
    path(PER_PLACE + "contributions/<int:pk>/report/", consultations.report, name="report"),
    path(PER_PLACE + "consultations/", consultations.consultation_list, name="consultations"),
    path(
        PER_PLACE + "consultations/new/",
        consultations.consultation_new,
        name="consultation_new",
    ),
    path(CONSULTATION, consultations.consultation_page, name="consultation"),
    path(CONSULTATION + "edit/", consultations.consultation_edit, name="consultation_edit"),
    path(CONSULTATION + "say/", contribute.say_in, name="say_in"),
    path(
        CONSULTATION + "say/without-map/",
        contribute.say_in_without_map,
        name="say_in_without_map",
    ),
    path(CONSULTATION + "said/", consultations.said, name="said"),
    path(CONSULTATION + "responses/", consultations.response_add, name="response_add"),
    path(
        CONSULTATION + "responses/<int:pk>/remove/",
        consultations.response_remove,
        name="response_remove",
    ),
]
