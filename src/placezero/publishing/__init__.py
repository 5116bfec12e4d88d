"""Publishing: every module declares the kinds of output it publishes (a plan, a pathway, a
report) and publishes each one as it produces it; the advisory repository, the page
/places/<slug>/published/ and its Atom feed list them.

Apps register in `AppConfig.ready()` (`register_output_kind`) and publish, withdraw and
read through `placezero.publishing.services`. See docs/decisions/0008-publishing.md.
"""

from .options import AUDIENCES, Audience
from .registry import (
    OutputKind,
    PublishingError,
    UnknownOutputKind,
    get_output_kind,
    register_output_kind,
    registered_output_kinds,
    unregister_output_kind,
)

__all__ = [
    "AUDIENCES",
    "Audience",
    "OutputKind",
    "PublishingError",
    "UnknownOutputKind",
    "get_output_kind",
    "register_output_kind",
    "registered_output_kinds",
    "unregister_output_kind",
]
