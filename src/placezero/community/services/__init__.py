"""The community app's door: groups and their journey, mentors, projects and business
cases, the readiness fund, the network and its 360Giving export. Other apps and this app's
views call these; each function that changes something asks `accounts.permissions.require`
first and refuses bad input with a `ValidationError` that says what is wrong."""

from . import fund, giving360, grants, journey, network, notices, outputs, personal_data, projects

__all__ = [
    "fund",
    "giving360",
    "grants",
    "journey",
    "network",
    "notices",
    "outputs",
    "personal_data",
    "projects",
]
