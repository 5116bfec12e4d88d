"""The advisory service's fixed vocabularies: kinds of resource and their states.

Audiences and topics are not here: they are taxonomies editors extend (`models.Audience`,
`models.Topic`). `PUBLISHING_AUDIENCES` maps the audiences other modules publish outputs for
(the publishing contract's fixed list) onto the repository's own audiences.
"""

from __future__ import annotations

from django.db import models


class ResourceKind(models.TextChoices):
    GUIDE = "guide", "Guide"
    CASE_STUDY = "case_study", "Case study"
    TOOL = "tool", "Tool"
    FUNDING = "funding", "Funding"
    EVENT = "event", "Event"
    DATASET = "dataset", "Dataset"
    SERVICE = "service", "Advice service"


class ResourceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The publishing contract's audiences (placezero.publishing) -> this repository's audience
# slugs. "public" is everyone, so an output for the public reaches every audience.
PUBLISHING_AUDIENCES: dict[str, tuple[str, ...]] = {
    "residents": ("householders", "tenants"),
    "parishes": ("parishes",),
    "community": ("community-groups",),
    "businesses": ("businesses",),
    "officers": ("officers",),
    "investors": ("investors",),
    "network": ("network",),
}

# Search keeps to this many characters of a query and this many words of it: a longer one is
# shortened (and the page says so), never sent whole to the database.
SEARCH_MAX_CHARS = 200
SEARCH_MAX_TERMS = 12

# Uploaded documents: at most this many bytes, and only these types (sniffed from content).
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
