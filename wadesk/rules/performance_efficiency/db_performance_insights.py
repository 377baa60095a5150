"""A relational database with no Performance Insights."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-DB-PERFORMANCE-INSIGHTS",
    title="Database Performance Insights is off",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF03-BP03",
    rationale=(
        "Database load broken down by wait event, SQL statement and host is what shows why a database is "
        "slow. Without it, query tuning and right-sizing rely on CPU graphs and guesswork."
    ),
    remediation=(
        "Set performance_insights to true (or use CloudWatch Database Insights) and review the top SQL "
        "and wait events when latency rises."
    ),
    checkov=("CKV_AWS_353",),
)

#: Classes on which RDS for MySQL and MariaDB do not offer Performance Insights.
_UNSUPPORTED_MYSQL_CLASSES = frozenset(
    {"db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"}
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose performance_insights property is off where the class supports it."""
    if ctx.prop(node_id, "performance_insights"):
        return None
    if ctx.prop(node_id, "engine_mode", "provisioned") == "serverless":
        return None  # Aurora Serverless v1 does not offer Performance Insights
    engine = str(ctx.prop(node_id, "engine", "") or "").lower()
    instance_class = str(ctx.prop(node_id, "instance_class", "") or "").strip().lower()
    if ("mysql" in engine or "mariadb" in engine) and instance_class in _UNSUPPORTED_MYSQL_CLASSES:
        return None
    return f"{ctx.label(node_id)} records no query-level performance data (performance_insights is false)."


RULE = node_rule(META, ("rds", "aurora"), check)
