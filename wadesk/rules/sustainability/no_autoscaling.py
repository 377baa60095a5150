"""Load-balanced server compute whose capacity cannot follow demand."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.capacity import COMPUTE_READS, fixed_compute
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-NO-AUTOSCALING",
    title="Load-balanced compute does not scale with demand",
    pillar="sustainability",
    severity="medium",
    wa_bp="SUS02-BP01",
    rationale=(
        "A tier behind a load balancer receives traffic that rises and falls. Without automatic scaling it "
        "must be sized for the peak, so it keeps that capacity powered on through every quiet hour."
    ),
    remediation=(
        "Put EC2 instances in an auto_scaling_group registered as the load balancer's target and give the "
        "group a scaling policy (scaling_policy: target tracking on CPU or requests per target) or scheduled "
        "actions for a known daily pattern; for an ECS service, set autoscaling to true with a "
        "target-tracking policy on CPU or requests per target."
    ),
    securityhub=(),
    checkov=(),
)


def _left_to_fixed_size_rule(ctx: Context, node_id: str) -> bool:
    """A group pinned at two or more instances is SUS-OVERPROVISIONED-ASG's finding (one finding per pillar)."""
    if ctx.kind(node_id) != "auto_scaling_group":
        return False
    low, high = int(ctx.prop(node_id, "min_size", 1)), int(ctx.prop(node_id, "max_size", 1))
    return low == high >= 2


def check(ctx: Context) -> Iterator[Hit]:
    """Report load-balanced EC2 instances outside a group, groups nothing resizes, and fixed ECS services."""
    for node, fact in fixed_compute(ctx):
        if _left_to_fixed_size_rule(ctx, node):
            continue
        yield Hit(node, f"{fact}, so the capacity powered on for its load-balanced traffic stays the same at "
                  "the quietest hour as at the peak.")


RULE = graph_rule(META, check, reads=COMPUTE_READS, flows="ends")
