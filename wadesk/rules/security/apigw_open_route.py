"""An API Gateway API that authorizes its callers on some routes and lets anyone in on others."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import listed

META = RuleMeta(
    id="SEC-APIGW-OPEN-ROUTE",
    title="API Gateway route without authorization in an authorized API",
    pillar="security",
    severity="medium",
    wa_bp="SEC03-BP02",
    rationale=(
        "An API that authorizes callers on most routes but not on one runs that route's backend for anyone on "
        "the internet; such a route is usually an oversight (a method added later, an authorizer left off), "
        "and the rest of the API's protection suggests it was meant to be closed."
    ),
    remediation=(
        "Give each listed route the API's authorizer (or IAM authorization), or, if it is meant to be public "
        "(a health check, a public read), keep it and suppress this finding with the reason; then update "
        "open_routes."
    ),
    securityhub=("APIGateway.8",),
    checkov=("CKV_AWS_309", "CKV2_AWS_70"),
    partial=("APIGateway.8", "CKV_AWS_309", "CKV2_AWS_70"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report the open routes of an API whose other routes authorize callers (all open: SEC-APIGW-NO-AUTH)."""
    routes = list(ctx.prop(node_id, "open_routes") or [])
    authorization = ctx.prop(node_id, "authorization")
    if not routes or authorization == "none" or ctx.prop(node_id, "endpoint_type") == "PRIVATE":
        return None
    return (
        f"{ctx.label(node_id)} authorizes callers ({authorization}) but lets anyone call "
        f"{'this route' if len(routes) == 1 else 'these routes'}: {listed(routes)}."
    )


RULE = node_rule(META, ("api_gateway",), check)
