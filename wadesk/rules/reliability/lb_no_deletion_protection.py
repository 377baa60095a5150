"""An Application or Network Load Balancer that one call or stack update can delete."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-LB-NO-DELETION-PROTECTION",
    title="Load balancer has no deletion protection",
    pillar="reliability",
    severity="low",
    wa_bp="REL09-BP01",
    rationale=(
        "Deleting a load balancer takes the workload off the internet at once, and a new one gets a new DNS "
        "name that every record and client pointing at the old one must be changed to."
    ),
    remediation=(
        "Set deletion_protection to true (the deletion_protection.enabled attribute) on load balancers that "
        "serve production traffic; turn it off deliberately when one is retired."
    ),
    securityhub=("ELB.6",),
    checkov=("CKV_AWS_150",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a load balancer whose deletion_protection is off."""
    if ctx.prop(node_id, "deletion_protection"):
        return None
    return f"{ctx.label(node_id)} can be deleted by a single call (deletion_protection is false)."


RULE = node_rule(META, ("alb", "nlb"), check)
