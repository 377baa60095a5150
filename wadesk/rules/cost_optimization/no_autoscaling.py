"""Capacity paid for at its peak size every hour: fixed load-balanced compute and provisioned tables."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.capacity import COMPUTE_READS, fixed_compute, fixed_table
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-NO-AUTOSCALING",
    title="Capacity is paid for at a fixed size, whatever the demand",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST09-BP03",
    rationale=(
        "Capacity that does not follow demand has to be sized for the busiest hour, and is billed at that size "
        "through every quiet hour: instances and tasks by the second, provisioned DynamoDB capacity by the hour."
    ),
    remediation=(
        "Supply capacity dynamically: a scaling policy (scaling_policy) or scheduled actions on the "
        "auto_scaling_group, service auto scaling (autoscaling) on the ECS service, and for a DynamoDB table "
        "autoscaling on its provisioned capacity or billing_mode PAY_PER_REQUEST for spiky or unknown traffic."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report fixed load-balanced compute, and provisioned tables without autoscaling."""
    for node, fact in fixed_compute(ctx):
        yield Hit(node, f"{fact}, so it is billed at the same size at the quietest hour as at the peak.")
    for table in ctx.subjects("dynamodb"):
        if fixed_table(ctx, table):
            yield Hit(
                table,
                f"{ctx.label(table)} is billed for the same provisioned read and write capacity every hour "
                "(PROVISIONED with autoscaling off), whatever the traffic.",
            )


RULE = graph_rule(
    META, check, reads={**COMPUTE_READS, "dynamodb": {"billing_mode", "autoscaling"}}, flows="ends"
)
