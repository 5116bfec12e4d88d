"""The public API: one NinjaAPI; each app adds its router."""

from ninja import NinjaAPI

api = NinjaAPI(title="placezero API", version="1", urls_namespace="api")
