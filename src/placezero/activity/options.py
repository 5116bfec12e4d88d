"""Choices of the activity app: the ways a notification reaches a person."""

from django.db import models


class Channel(models.TextChoices):
    # Straight away, one email per notification.
    EMAIL = "email", "By email straight away"
    # One email a day listing what is still unread.
    DIGEST = "digest", "In a daily email digest"


# The inbox on the site is not a channel one chooses: every notification is kept there
# (it is only seen when one looks), and the emails point to it.
INBOX_LABEL = "In your inbox on this site (always)"
