"""An Amazon MQ broker deployed as a single instance."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-MQ-SINGLE-INSTANCE",
    title="Amazon MQ broker has no standby",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A single-instance broker lives in one zone. Maintenance, a host failure or a zone outage stops "
        "every producer and consumer that depends on it."
    ),
    remediation=(
        "Set deployment_mode to ACTIVE_STANDBY_MULTI_AZ (ActiveMQ) or CLUSTER_MULTI_AZ (RabbitMQ) so a "
        "broker in another zone takes over."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a broker whose deployment_mode is SINGLE_INSTANCE."""
    if ctx.prop(node_id, "deployment_mode") != "SINGLE_INSTANCE":
        return None
    return f"{ctx.label(node_id)} is a SINGLE_INSTANCE broker with no standby in another Availability Zone."


RULE = node_rule(META, ("mq",), check)
