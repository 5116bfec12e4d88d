"""Deployment checks of the activity app (`manage.py check --deploy`): the emails it sends
need the site's public address and a sender address that can be replied to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.mail, deploy=True)
def check_email_addresses(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    problems = []
    if not str(settings.PLACEZERO_SITE_URL).startswith("https://"):
        problems.append(
            Warning(
                f"PLACEZERO_SITE_URL is {settings.PLACEZERO_SITE_URL!r}: links in emails "
                "(notifications, unsubscribe links) would not reach the site over HTTPS.",
                hint="Set PLACEZERO_SITE_URL to the site's public address, e.g. "
                "https://netzero.example.gov.uk.",
                id="activity.W001",
            )
        )
    if str(settings.DEFAULT_FROM_EMAIL).rstrip(">").endswith(".invalid"):
        problems.append(
            Warning(
                "DEFAULT_FROM_EMAIL is a made-up address: mail servers refuse or bin mail "
                "from a domain that does not exist.",
                hint="Set PLACEZERO_DEFAULT_FROM_EMAIL to an address of your organisation.",
                id="activity.W002",
            )
        )
    return problems
