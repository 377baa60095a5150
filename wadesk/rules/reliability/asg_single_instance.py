"""An Auto Scaling group that runs a single instance."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-ASG-SINGLE-INSTANCE",
    title="Auto Scaling group runs one instance",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A group that keeps one instance replaces it after a failure, but the service is down while the "
        "replacement boots, and a single instance cannot be spread over two zones."
    ),
    remediation=(
        "Set min_size and desired_capacity to at least 2 (and max_size above them) so instances run in two "
        "Availability Zones; a scaling_policy adds instances under load but scales in to min_size."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a group that can really run on one instance.

    It runs on one when its desired capacity (kept between min_size and
    max_size) is 1, or when a scaling policy can scale it in to a minimum of
    1. Without a policy a group keeps its desired capacity, so min_size 1
    under a desired capacity of 2 is no finding; nor is it under policies
    that only add instances (scales_in is false). A group with max_size 0
    is parked on purpose and passes; min_size 0 under a policy scales to
    zero on purpose.
    """
    min_size = int(ctx.prop(node_id, "min_size", 1))
    max_size = int(ctx.prop(node_id, "max_size", 1))
    desired = int(ctx.prop(node_id, "desired_capacity", 1))
    if max_size == 1:
        return f"{ctx.label(node_id)} can never run more than one instance (max_size is 1)."
    steady = min(max(desired, min_size), max_size)
    policy = bool(ctx.prop(node_id, "scaling_policy"))
    if steady == 1 and not policy:
        return (
            f"{ctx.label(node_id)} keeps a single instance (min_size {min_size}, desired_capacity {desired}) and "
            "has no scaling_policy to add more."
        )
    if policy and ctx.prop(node_id, "scales_in", True) and min_size == 1 and max_size >= 2:
        return (
            f"{ctx.label(node_id)} has a scaling_policy that may scale it in to a single instance (min_size is 1): "
            "at quiet times one instance failure or replacement stops the tier."
        )
    return None


RULE = node_rule(META, ("auto_scaling_group",), check)
