"""An auto scaling group whose always-on base capacity is paid entirely at On-Demand rates."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-STEADY-ON-DEMAND",
    title="Steady base capacity runs on On-Demand pricing",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST07-BP01",
    rationale=(
        "Instances that an auto scaling group keeps running at all times are a predictable, steady usage. "
        "Paying On-Demand rates for them costs far more than a Savings Plan or Reserved Instances that "
        "commit to that base."
    ),
    remediation=(
        "Cover the group's minimum capacity with a Compute Savings Plan or Reserved Instances (set "
        "purchase_option to savings-plan or reserved on its instances), and consider Spot for the capacity "
        "above the minimum if the workload tolerates interruption."
    ),
    securityhub=(),
    checkov=(),
)


def _members(ctx: Context, group: str) -> list[str]:
    """EC2 instances whose innermost auto scaling group is ``group``."""
    return [
        n for n in ctx.descendants(group) if ctx.kind(n) == "ec2" and ctx.enclosing(n, "auto_scaling_group") == group
    ]


def check(ctx: Context) -> Iterator[Hit]:
    """Report every group with min_size >= 2 whose instances are all On-Demand.

    An instance defined elsewhere (a registry module's) has a purchase option the design does not know: its group
    is not reported.
    """
    for group in ctx.nodes("auto_scaling_group"):
        minimum = int(ctx.prop(group, "min_size", 1) or 0)
        if minimum < 2:
            continue
        members = _members(ctx, group)
        if not members or any(
            ctx.prop(m, "purchase_option") != "on-demand" or ctx.prop(m, "defined_elsewhere") for m in members
        ):
            continue
        yield Hit(
            group,
            f"{ctx.label(group)} always runs at least {minimum} instances, all bought On-Demand; that steady "
            "base is what a Savings Plan or Reserved Instances would cover for less.",
        )


RULE = graph_rule(META, check, reads={"auto_scaling_group": {"min_size"}, "ec2": {"purchase_option"}}, flows="none")
