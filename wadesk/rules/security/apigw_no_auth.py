"""An API Gateway API that lets any caller in."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import listed

META = RuleMeta(
    id="SEC-APIGW-NO-AUTH",
    title="API Gateway has no authorization",
    pillar="security",
    severity="medium",
    wa_bp="SEC03-BP02",
    rationale=(
        "An API with authorization set to none runs its backend for any caller on the internet, so the "
        "backend alone has to tell legitimate requests from abuse."
    ),
    remediation=(
        "Set authorization to cognito, iam or lambda (a custom authorizer) so API Gateway rejects "
        "unauthenticated callers before they reach the integration."
    ),
    securityhub=("APIGateway.8",),
    checkov=("CKV_AWS_309", "CKV2_AWS_70", "CKV_AWS_59"),
    partial=("CKV2_AWS_70", "CKV_AWS_59"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an API whose authorization property is none (private APIs answer only their VPC endpoints)."""
    if ctx.prop(node_id, "authorization") != "none" or ctx.prop(node_id, "endpoint_type") == "PRIVATE":
        return None
    routes = list(ctx.prop(node_id, "open_routes") or [])
    where = f" on every route ({listed(routes)})" if routes else ""
    return f"{ctx.label(node_id)} accepts requests from any caller{where} (authorization is none)."


RULE = node_rule(META, ("api_gateway",), check)
