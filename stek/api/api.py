"""The JSON API (django-ninja, OpenAPI at /api/v1/openapi.json)."""

from ninja import NinjaAPI

from .hsds import router as hsds_router
from .rights import router as rights_router

api = NinjaAPI(
    title="STEK API",
    version="1",
    description=(
        "Public: the social map as Open Referral HSDS 3.0, and the rights check "
        "(nothing about the household is stored)."
    ),
    urls_namespace="api",
    docs_url=None,
)
api.add_router("/hsds/", hsds_router)
api.add_router("/rights", rights_router)
