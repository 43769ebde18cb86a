"""The JSON API (django-ninja, OpenAPI at /api/v1/openapi.json)."""

from ninja import NinjaAPI

from .hsds import router as hsds_router

api = NinjaAPI(
    title="STEK API",
    version="1",
    description="Public, read-only: the social map as Open Referral HSDS 3.0.",
    urls_namespace="api",
    docs_url=None,
)
api.add_router("/hsds/", hsds_router)
