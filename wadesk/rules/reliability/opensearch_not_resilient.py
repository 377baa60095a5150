"""An OpenSearch domain too small or not spread over zones to survive a node or zone failure."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-OPENSEARCH-NOT-RESILIENT",
    title="OpenSearch domain cannot ride out a node or zone failure",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "Replica shards only help when they sit on other nodes in other zones. With fewer than three data "
        "nodes or zone awareness off, one node or one zone failure can make indices red and searches fail. "
        "Without dedicated master nodes, the data nodes also manage the cluster state, and a busy or failed "
        "data node can leave the domain without an elected master."
    ),
    remediation=(
        "Set zone_awareness to true and instance_count to at least 3 (a multiple of the zone count), keep at "
        "least one replica per index, and turn on three dedicated master nodes (dedicated_masters)."
    ),
    securityhub=("Opensearch.6", "ES.7"),
    checkov=("CKV_AWS_318", "CKV2_AWS_59"),
    partial=("Opensearch.6", "ES.7", "CKV_AWS_318", "CKV2_AWS_59"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a domain with zone_awareness off, fewer than three data nodes or no dedicated master nodes."""
    count = int(ctx.prop(node_id, "instance_count", 1))
    problems = []
    if not ctx.prop(node_id, "zone_awareness"):
        problems.append("zone_awareness is off")
    if count < 3:
        problems.append(f"it has {count} data node{'s' if count != 1 else ''}")
    if not ctx.prop(node_id, "dedicated_masters"):
        problems.append("it has no dedicated master nodes")
    if not problems:
        return None
    listed = problems[0] if len(problems) == 1 else ", ".join(problems[:-1]) + " and " + problems[-1]
    return f"{ctx.label(node_id)} cannot ride out a node or zone failure: {listed}."


RULE = node_rule(META, ("opensearch",), check)
