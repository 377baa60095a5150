"""An EC2 instance running a database, cache or message broker that a managed service could run."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-SELF-MANAGED-SERVICE",
    title="Self-managed database, cache or broker on EC2",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS05-BP03",
    rationale=(
        "An engine installed on its own instance is sized for its peak and sits mostly idle, while a managed "
        "service shares optimised hardware across many customers. Running it yourself also moves operating "
        "system and engine patching, backups and failover from AWS to you."
    ),
    remediation=(
        "Move the engine to the matching managed service: RDS or Aurora for a database, ElastiCache for a "
        "cache, Amazon MQ, SQS or MSK for a message broker; then replace the EC2 node with that service's node."
    ),
    securityhub=(),
    checkov=(),
)

_MANAGED = {
    "database": ("database", "RDS or Aurora"),
    "cache": ("cache", "ElastiCache"),
    "message_broker": ("message broker", "Amazon MQ, SQS or MSK"),
}


def check(ctx: Context, node_id: str) -> str | None:
    """Report an EC2 instance whose workload is a database, cache or message broker."""
    managed = _MANAGED.get(str(ctx.prop(node_id, "workload", "")))
    if managed is None:
        return None
    what, service = managed
    return (
        f"{ctx.label(node_id)} runs a self-managed {what} on EC2, where {service} would run it on shared, "
        "right-sized capacity and take over patching."
    )


RULE = node_rule(META, ("ec2",), check)
