"""An Application Load Balancer that routes requests whose header fields are not valid HTTP."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-ALB-INVALID-HEADERS",
    title="Load balancer passes on invalid HTTP header fields",
    pillar="security",
    severity="medium",
    wa_bp="SEC05-BP03",
    rationale=(
        "By default an Application Load Balancer forwards header fields whose names are not valid HTTP. "
        "Targets and proxies that parse such headers differently from the load balancer can be led into "
        "request smuggling or header injection, past the checks the load balancer applies."
    ),
    remediation=(
        "Set the load balancer attribute routing.http.drop_invalid_header_fields.enabled to true "
        "(Terraform: drop_invalid_header_fields = true), so that such header fields are removed before "
        "requests are routed."
    ),
    securityhub=("ELB.4",),
    checkov=("CKV_AWS_131",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an Application Load Balancer whose drop_invalid_header_fields property is false."""
    if ctx.prop(node_id, "drop_invalid_header_fields"):
        return None
    return (
        f"{ctx.label(node_id)} forwards header fields that are not valid HTTP to its targets "
        "(drop_invalid_header_fields is false)."
    )


RULE = node_rule(META, ("alb",), check)
