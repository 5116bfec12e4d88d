"""What kinds of output the modules publish: filled by each app in its `AppConfig.ready()`,
like the navigation, permission and job registries.

    from placezero.publishing import OutputKind, register_output_kind
    register_output_kind(OutputKind(key="pathways.plan", label="Plan on a page",
                                    module="Decarbonisation Pathway Plan",
                                    audiences=("public", "officers"), topics=("heat",)))

A kind names the audiences its outputs are for (an output may be for some of them, never
for others) and the topics they are usually about (an output's topics default to these).
A key, an audience or a topic that will not do is refused when the app starts, so a typo
never reaches a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from .options import AUDIENCES

# "app_label.name", lower case, like a permission or job kind.
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
# Topics are free words ("solar", "heat", "community energy"): letters, digits, spaces and
# hyphens, so they read well in a filter and in a URL.
TOPIC = re.compile(r"^[a-z0-9][a-z0-9 -]{0,48}[a-z0-9]$|^[a-z0-9]$")


class PublishingError(ValueError):
    """An output that cannot be published as asked; `errors` maps each field to what to fix."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class UnknownOutputKind(PublishingError, LookupError):
    """A kind nobody registered (a typo, or an app that is not installed)."""

    def __init__(self, key: str) -> None:
        self.key = key
        known = ", ".join(_kinds) or "none"
        super().__init__(
            {
                "kind": f"No kind of output called {key!r} is registered (registered kinds: "
                f"{known}). Check the spelling, or register it in its app's "
                "AppConfig.ready() with publishing.register_output_kind."
            }
        )


def unknown_audiences(audiences: Iterable[str]) -> list[str]:
    return [audience for audience in audiences if audience not in AUDIENCES]


def audiences_error(unknown: Iterable[str]) -> str:
    return (
        f"{', '.join(map(repr, unknown))} is not an audience placezero publishes for. "
        f"Choose among: {', '.join(AUDIENCES)}."
    )


def clean_topics(topics: Iterable[str]) -> tuple[str, ...]:
    """Topics in lower case without surrounding spaces, each once, in the order given.
    Raises PublishingError on "topics" for one that is empty, too long or has other signs."""
    if isinstance(topics, str):
        topics = (topics,)  # a bare string is one topic, not its letters
    cleaned: list[str] = []
    for raw in topics:
        topic = " ".join(str(raw).split()).lower()
        if not TOPIC.match(topic):
            raise PublishingError(
                {
                    "topics": f"The topic {raw!r} will not do: write a word or a few words "
                    "(letters, digits, spaces and hyphens, at most 50 characters), "
                    "for example 'solar' or 'community energy'."
                }
            )
        if topic not in cleaned:
            cleaned.append(topic)
    return tuple(cleaned)


@dataclass(frozen=True)
class OutputKind:
    """One kind of published output.

    - `key`: "app_label.name", e.g. "pathways.plan";
    - `label`: what one is called on pages ("Plan on a page");
    - `module`: the module that publishes it, as people know it ("Decarbonisation Pathway
      Plan");
    - `audiences`: who its outputs may be for (among `options.AUDIENCES`); an output's
      audiences default to all of them;
    - `topics`: what its outputs are usually about; an output's topics default to these."""

    key: str
    label: str
    module: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...] = ()


_kinds: dict[str, OutputKind] = {}


def register_output_kind(kind: OutputKind) -> OutputKind:
    """Declare a kind of output (in the app's `AppConfig.ready()`); each key once."""
    if not KEY.match(kind.key):
        raise ImproperlyConfigured(
            f"Output kind key {kind.key!r} is not valid: write it as 'app_label.name' in "
            "lower case, for example 'pathways.plan'."
        )
    if kind.key in _kinds:
        raise ImproperlyConfigured(f"Output kind {kind.key!r} is already registered.")
    if not kind.label.strip() or not kind.module.strip():
        raise ImproperlyConfigured(f"Output kind {kind.key!r} needs a label and a module.")
    audiences = tuple(kind.audiences)
    if isinstance(kind.audiences, str) or not audiences:
        raise ImproperlyConfigured(
            f"Output kind {kind.key!r} needs a tuple of audiences, among: {', '.join(AUDIENCES)}."
        )
    if unknown := unknown_audiences(audiences):
        raise ImproperlyConfigured(f"Output kind {kind.key!r}: {audiences_error(unknown)}")
    try:
        topics = clean_topics(kind.topics)
    except PublishingError as error:
        raise ImproperlyConfigured(f"Output kind {kind.key!r}: {error}") from None
    kind = OutputKind(kind.key, kind.label, kind.module, audiences, topics)
    _kinds[kind.key] = kind
    return kind


def unregister_output_kind(key: str) -> None:
    """Remove a kind (for tests that register temporary ones)."""
    get_output_kind(key)
    del _kinds[key]


def get_output_kind(key: str) -> OutputKind:
    try:
        return _kinds[key]
    except KeyError:
        raise UnknownOutputKind(key) from None


def registered_output_kinds() -> dict[str, OutputKind]:
    return dict(sorted(_kinds.items()))
