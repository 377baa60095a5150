"""A relational database whose instances send no Enhanced Monitoring metrics."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-DB-ENHANCED-MONITORING",
    title="Database Enhanced Monitoring is off",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF03-BP03",
    rationale=(
        "CloudWatch's standard RDS metrics are sampled by the hypervisor once a minute. Enhanced Monitoring "
        "reads the operating system of each DB instance: CPU by process, memory, swap, file-system and disk "
        "I/O, down to one-second samples, which is what tells a slow query from a starved host."
    ),
    remediation=(
        "Set MonitoringInterval to 60 seconds or less (Terraform monitoring_interval) with a "
        "MonitoringRoleArn that allows RDS to publish to CloudWatch Logs, on every instance; set "
        "monitoring_interval accordingly."
    ),
    securityhub=("RDS.6",),
    checkov=("CKV_AWS_118",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose monitoring_interval property is 0."""
    if ctx.prop(node_id, "monitoring_interval", 0):
        return None
    if ctx.prop(node_id, "engine_mode", "provisioned") == "serverless":
        return None  # Aurora Serverless v1 has no instances to monitor
    return f"{ctx.label(node_id)} sends no operating-system metrics (monitoring_interval is 0)."


RULE = node_rule(META, ("rds", "aurora"), check)
