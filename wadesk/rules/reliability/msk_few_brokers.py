"""An MSK cluster with too few brokers to keep three copies of each partition in three zones."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-MSK-FEW-BROKERS",
    title="MSK cluster has fewer than three brokers",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "Kafka stays writable through a broker failure only when each partition has replicas on other brokers "
        "in other zones. With fewer than three brokers a partition cannot have three replicas in three zones, "
        "so the restart of one broker for patching, or the loss of its zone, leaves partitions under-replicated "
        "or unable to accept writes."
    ),
    remediation=(
        "Spread the cluster over three Availability Zones with at least one broker in each (broker_count of 3 "
        "or a multiple of 3), and use a replication factor of 3 with min.insync.replicas of 2."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose broker_count is below 3."""
    count = int(ctx.prop(node_id, "broker_count", 3) or 1)
    if count >= 3:
        return None
    brokers = f"{count} broker{'s' if count != 1 else ''}"
    return f"{ctx.label(node_id)} has {brokers}: a partition cannot keep three replicas in three zones."


RULE = node_rule(META, ("msk",), check)
