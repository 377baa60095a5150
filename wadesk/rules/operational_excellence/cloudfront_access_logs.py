"""A CloudFront distribution that keeps no access logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-CLOUDFRONT-ACCESS-LOGS",
    title="CloudFront access logs are off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS08-BP02",
    rationale=(
        "Most requests end at the edge and never reach the origin's logs. CloudFront's access logs are "
        "the only record of what viewers asked for, which edge served them, cache hits and errors."
    ),
    remediation="Set access_logs to true and deliver standard logs to an S3 bucket or CloudWatch Logs.",
    securityhub=("CloudFront.5",),
    checkov=("CKV_AWS_86",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a distribution whose access_logs property is off."""
    if ctx.prop(node_id, "access_logs"):
        return None
    return f"{ctx.label(node_id)} does not log viewer requests (access_logs is false)."


RULE = node_rule(META, ("cloudfront",), check)
