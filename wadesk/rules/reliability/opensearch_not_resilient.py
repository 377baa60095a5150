"""An OpenSearch domain too small or not spread over zones to survive a node or zone failure."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-OPENSEARCH-NOT-RESILIENT",
    title="OpenSearch domain is not spread over zones",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "Replica shards only help when they sit on other nodes in other zones. With fewer than three data "
        "nodes or zone awareness off, one node or one zone failure can make indices red and searches fail."
    ),
    remediation=(
        "Set zone_awareness to true and instance_count to at least 3 (a multiple of the zone count), and "
        "keep at least one replica per index."
    ),
    securityhub=("Opensearch.6",),
    checkov=(),
    partial=("Opensearch.6",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a domain with zone_awareness off or fewer than three data nodes."""
    count = int(ctx.prop(node_id, "instance_count", 1))
    problems = []
    if not ctx.prop(node_id, "zone_awareness"):
        problems.append("zone_awareness is off")
    if count < 3:
        problems.append(f"it has {count} data node{'s' if count != 1 else ''}")
    if not problems:
        return None
    return f"{ctx.label(node_id)} cannot ride out a node or zone failure: {' and '.join(problems)}."


RULE = node_rule(META, ("opensearch",), check)
