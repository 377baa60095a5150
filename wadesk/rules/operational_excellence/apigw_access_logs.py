"""An API Gateway stage that keeps no access logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-APIGW-ACCESS-LOGS",
    title="API Gateway access logging is off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS04-BP02",
    rationale=(
        "An API's access log is its record of who called which route, with what result and how fast. "
        "Without it, failed or throttled calls leave no trace to investigate."
    ),
    remediation=(
        "Set access_logs to true: give the stage a CloudWatch Logs destination and a log format that "
        "includes the request id, status, latency and caller."
    ),
    securityhub=("APIGateway.9", "APIGateway.1"),
    checkov=("CKV_AWS_76", "CKV_AWS_95", "CKV2_AWS_4"),
    partial=("APIGateway.1", "CKV2_AWS_4"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an API whose access_logs property is off."""
    if ctx.prop(node_id, "access_logs"):
        return None
    return f"{ctx.label(node_id)} does not log the requests it serves (access_logs is false)."


RULE = node_rule(META, ("api_gateway",), check)
