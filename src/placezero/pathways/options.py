"""Choices used across the pathways app."""

from django.db import models


class ChangeAction(models.TextChoices):
    CREATED = "created", "Created"
    COPIED = "copied", "Copied"
    EDITED = "edited", "Levers changed"
    DESCRIBED = "described", "Name or description changed"
    IMPORTED = "imported", "Imported from a file"
    MARKED_PREFERRED = "preferred", "Marked as the preferred pathway"
