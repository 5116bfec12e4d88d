"""The advisory service's door: search and read the repository, curate it, follow it.

Every function that reads or changes something checks permission here (`require`), scoped
to the place; views ask through `@requires` first and call these. Other apps use only this
module (and `permissions`, `options`).

    results = services.search(place, user, query="solar village hall", topic="solar")
    resource = services.get_resource(place, "boiler-upgrade-scheme", user)
    services.save_resource(user, place, fields, audiences=[...], topics=[...])
    services.attach_document(user, resource, title="Leaflet", upload=request.FILES["file"])
    follow = services.set_follow(user, place, topics=["solar"], audiences=["parishes"])

The functions live by concern in this package's modules (reading, searching, curating,
following, signposting); this module names them all, so callers import from here only.
"""

from ..outputs import PublishedOutput, published_outputs
from ..richtext import render_markdown
from .curating import RESOURCE_FIELDS, attach_document, can_curate, save_resource
from .following import (
    FEED_LENGTH,
    FeedEntry,
    feed_for_token,
    follow_of,
    reset_feed_token,
    set_follow,
    topic_feed,
)
from .reading import (
    audiences,
    find_resource,
    get_document,
    get_resource,
    live_resources,
    support_directory,
    topics,
)
from .saved_searches import (
    MAX_SAVED_SEARCHES,
    SavedSearchView,
    delete_saved_search,
    found_by,
    save_search,
    saved_search_feed,
    saved_searches_of,
    search_url,
)
from .saved_searches import describe as describe_saved_search
from .searching import Facet, FacetValue, SearchResults, search
from .signposting import signpost, wizard_questions
from .taxonomy import save_taxon, taxon_of
from .wizard_rules import load_wizard

__all__ = [
    "FEED_LENGTH",
    "MAX_SAVED_SEARCHES",
    "RESOURCE_FIELDS",
    "Facet",
    "FacetValue",
    "FeedEntry",
    "PublishedOutput",
    "SavedSearchView",
    "SearchResults",
    "attach_document",
    "audiences",
    "can_curate",
    "delete_saved_search",
    "describe_saved_search",
    "feed_for_token",
    "find_resource",
    "follow_of",
    "found_by",
    "get_document",
    "get_resource",
    "live_resources",
    "load_wizard",
    "published_outputs",
    "render_markdown",
    "reset_feed_token",
    "save_resource",
    "save_search",
    "save_taxon",
    "saved_search_feed",
    "saved_searches_of",
    "search",
    "search_url",
    "set_follow",
    "signpost",
    "support_directory",
    "taxon_of",
    "topic_feed",
    "topics",
    "wizard_questions",
]
