"""Load-balanced server compute whose capacity cannot follow demand."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import LOAD_BALANCERS

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
        "Put EC2 instances in an auto_scaling_group (with a scaling policy) registered as the load balancer's "
        "target; for an ECS service, set autoscaling to true with a target-tracking policy on CPU or "
        "requests per target."
    ),
    securityhub=(),
    checkov=(),
)

#: EC2 workloads that are stateful and not scaled out behind a load balancer by adding instances.
_STATEFUL = frozenset({"database", "cache", "message_broker", "bastion"})


def check(ctx: Context) -> Iterator[Hit]:
    """Report EC2 instances outside any auto scaling group, and ECS services without autoscaling, fed by an LB."""
    for node in ctx.nodes("ec2"):
        if ctx.prop(node, "workload") in _STATEFUL or not ctx.receives_from(node, *LOAD_BALANCERS):
            continue
        if ctx.enclosing(node, "auto_scaling_group") is not None:
            continue
        yield Hit(
            node,
            f"{ctx.label(node)} receives load-balanced traffic but is not in an Auto Scaling group, so its "
            "capacity stays fixed whatever the demand.",
        )
    for node in ctx.nodes("ecs_service"):
        if ctx.prop(node, "autoscaling") or not ctx.receives_from(node, *LOAD_BALANCERS):
            continue
        yield Hit(
            node,
            f"{ctx.label(node)} receives load-balanced traffic but has no service auto scaling, so it runs the "
            "same number of tasks whatever the demand.",
        )


RULE = graph_rule(META, check, reads={"ec2": {"workload"}, "ecs_service": {"autoscaling"}})
