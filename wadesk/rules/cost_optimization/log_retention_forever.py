"""CloudWatch logs kept forever because no retention period is set."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-LOG-RETENTION-FOREVER",
    title="CloudWatch logs never expire",
    pillar="cost_optimization",
    severity="medium",
    wa_bp="COST04-BP05",
    rationale=(
        "A log group without a retention period keeps every event indefinitely, and CloudWatch Logs bills "
        "for every gigabyte stored each month, so the cost of old logs nobody reads keeps rising."
    ),
    remediation=(
        "Set log_retention_days to the period your policy requires (for example 30, 90 or 365 days), and "
        "export logs that must be kept longer to S3 with a lifecycle rule to an archive storage class."
    ),
    checkov=("CKV_AWS_66",),
    securityhub=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a CloudWatch node that holds logs and whose log_retention_days is 0 (never expire)."""
    if not ctx.prop(node_id, "holds_logs", True):
        return None  # metrics and alarms only: CloudWatch keeps metrics for 15 months, not forever
    if int(ctx.prop(node_id, "log_retention_days", 0) or 0) > 0:
        return None
    return f"{ctx.label(node_id)} keeps its logs forever (log_retention_days is 0), so log storage grows without end."


RULE = node_rule(META, ("cloudwatch",), check)
