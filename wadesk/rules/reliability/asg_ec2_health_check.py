"""An Auto Scaling group behind a load balancer that only checks instance health, not application health."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.capacity import hosts_containers
from wadesk.rules.context import Context
from wadesk.rules.groups import LOAD_BALANCERS
from wadesk.rules.reliability._common import ASG

META = RuleMeta(
    id="REL-ASG-EC2-HEALTH-CHECK",
    title="Auto Scaling group behind a load balancer uses EC2 health checks",
    pillar="reliability",
    severity="low",
    wa_bp="REL11-BP03",
    rationale=(
        "EC2 health checks only see whether the virtual machine runs. An instance whose application hangs "
        "keeps failing load balancer checks but is never replaced, so capacity quietly shrinks."
    ),
    remediation=(
        "Set health_check_type to ELB on the auto_scaling_group so instances the load balancer marks "
        "unhealthy are terminated and replaced automatically."
    ),
    securityhub=("AutoScaling.1",),
    checkov=("CKV2_AWS_15",),
)


def _instances_are_targets(ctx: Context, group: str) -> bool:
    """Whether a load balancer drawn to the group targets its instances (not containers running on them)."""
    return not hosts_containers(ctx, group)


def _balancers_of(ctx: Context, group: str) -> list[str]:
    """Load balancers drawn sending to the group, or to an EC2 instance whose innermost group it is."""
    found = [p for p in ctx.predecessors(group) if ctx.kind(p) in LOAD_BALANCERS]
    for member in ctx.descendants(group):
        if ctx.kind(member) == "ec2" and ctx.enclosing(member, ASG) == group:
            found.extend(p for p in ctx.predecessors(member) if ctx.kind(p) in LOAD_BALANCERS)
    return found


def check(ctx: Context) -> Iterator[Hit]:
    """Report groups with health_check_type EC2 whose instances an ALB or NLB sends to.

    A balancer drawn to an EC2 instance in the group, or to the group itself,
    targets the instances. A group of container instances (ECS, EKS) whose
    balancer targets the tasks or pods is not the target group's: ECS replaces
    the unhealthy tasks, and ELB health checks would not see the group.
    """
    for group in ctx.subjects(ASG):
        if ctx.prop(group, "health_check_type") != "EC2" or not _instances_are_targets(ctx, group):
            continue
        balancers = _balancers_of(ctx, group)
        if not balancers:
            continue
        lb = min(balancers, key=ctx.position)  # the first one drawn, for a stable message
        yield Hit(
            group,
            f"{ctx.label(group)} receives traffic from {ctx.label(lb)} but uses EC2 health checks, so instances "
            "that fail the load balancer's checks are not replaced.",
        )


RULE = graph_rule(META, check, reads={ASG: {"health_check_type"}, "ec2": {"workload"}}, flows="ends")
