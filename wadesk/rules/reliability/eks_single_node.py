"""An EKS cluster whose worker nodes are a single instance."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-EKS-SINGLE-NODE",
    title="EKS cluster runs on a single worker node",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "AWS runs the control plane across three zones, but pods run on the worker nodes: with one node, a "
        "node failure, a node upgrade or a zone outage stops every workload in the cluster until a new node "
        "joins and the pods are rescheduled."
    ),
    remediation=(
        "Run at least two worker nodes in node groups whose subnets are in two or more Availability Zones "
        "(set node_count to 2 or more), or run the pods on Fargate or EKS Auto Mode."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster with managed or self-managed nodes whose node_count is below two."""
    if ctx.prop(node_id, "node_type") in ("fargate", "auto-mode"):
        return None  # AWS places each pod on capacity of its own
    count = int(ctx.prop(node_id, "node_count", 2))
    if count >= 2 or count == 0:
        return None
    return f"{ctx.label(node_id)} runs its pods on a single worker node (node_count is 1)."


RULE = node_rule(META, ("eks_cluster",), check)
