"""A Redshift cluster of a single node."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-REDSHIFT-SINGLE-NODE",
    title="Redshift cluster has a single node",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A multi-node cluster keeps a mirror of each node's data on another node and replaces a failed node on "
        "its own. A single-node cluster has no such copy: when its node fails, the warehouse is down until it is "
        "restored from the last snapshot, and what was loaded since is lost."
    ),
    remediation=(
        "Resize the cluster to two or more nodes (node_count of 2 or more) for a production warehouse, and keep "
        "automated snapshots on."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose node_count is 1."""
    if int(ctx.prop(node_id, "node_count", 1) or 1) >= 2:
        return None
    return f"{ctx.label(node_id)} is a single-node cluster: no other node holds a mirror of its data (node_count is 1)."


RULE = node_rule(META, ("redshift",), check)
