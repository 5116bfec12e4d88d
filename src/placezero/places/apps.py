from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "placezero.places"
    label = "places"
    verbose_name = "Places, areas, zones and official statistics"
