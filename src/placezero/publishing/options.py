"""Choices of the publishing app: who an output is for."""

from django.db import models


class Audience(models.TextChoices):
    """Who a published output is written for (the advisory repository filters by these).
    It says who will find it useful, not who may read it: everything published is public."""

    PUBLIC = "public", "Everyone"
    OFFICERS = "officers", "Council officers"
    INVESTORS = "investors", "Investors"
    NETWORK = "network", "Network operators"
    COMMUNITY = "community", "Community energy groups"
    RESIDENTS = "residents", "Residents"
    PARISHES = "parishes", "Parish and town councils"
    BUSINESSES = "businesses", "Businesses"


AUDIENCES = tuple(Audience.values)
