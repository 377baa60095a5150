"""Capacity that does not follow demand: facts the reliability, performance, cost and sustainability rules share.

One fact, several pillars: a fixed fleet behind a load balancer is slow at the peak (performance), paid
for at the peak's size all day (cost) and powered for load that is not there (sustainability). Each
pillar's rule reports it with its own best practice and its own angle; they read the drawing through
these functions so that they never disagree about what is fixed.
"""

from __future__ import annotations

from wadesk.rules.context import Context
from wadesk.rules.groups import LOAD_BALANCERS

#: EC2 workloads that are stateful and not scaled out behind a load balancer by adding instances.
STATEFUL_WORKLOADS = frozenset({"database", "cache", "message_broker", "bastion"})

#: What the compute rules read, for incremental re-analysis.
COMPUTE_READS: dict[str, frozenset[str]] = {
    "ec2": frozenset({"workload"}),
    "ecs_service": frozenset({"autoscaling", "desired_count"}),
    "auto_scaling_group": frozenset(
        {"min_size", "max_size", "desired_capacity", "scaling_policy", "scheduled_scaling"}
    ),
}


#: Services whose tasks or pods are a load balancer's targets: their container instances are not.
CONTAINER_SERVICES = frozenset({"ecs_service", "fargate_task", "eks_cluster", "batch"})


def hosts_containers(ctx: Context, group_id: str) -> bool:
    """Whether an auto scaling group runs container instances (ECS, EKS) rather than the application itself.

    Its members are EC2 instances of workload ``container_host``, or it holds an ECS service or EKS
    cluster. ECS or Kubernetes registers such a group's tasks or pods with a load balancer one by one:
    no target group points at the group, and the tasks, not the instances, follow the requests.
    """
    for member in ctx.members(group_id):
        kind = ctx.kind(member)
        if kind in CONTAINER_SERVICES or (kind == "ec2" and ctx.prop(member, "workload") == "container_host"):
            return True
    return False


def load_balanced(ctx: Context, node_id: str) -> bool:
    """Whether a load balancer sends requests to a node (to a group: to it or to an instance inside it)."""
    if ctx.receives_from(node_id, *LOAD_BALANCERS):
        return True
    if ctx.kind(node_id) == "auto_scaling_group":
        return any(ctx.receives_from(member, *LOAD_BALANCERS) for member in ctx.members(node_id))
    return False


def group_follows_demand(ctx: Context, group_id: str) -> bool:
    """Whether something resizes an auto scaling group: a scaling policy, or scheduled actions."""
    return bool(ctx.prop(group_id, "scaling_policy") or ctx.prop(group_id, "scheduled_scaling"))


def fixed_group_size(ctx: Context, group_id: str) -> int:
    """How many instances a group without scaling keeps: its desired capacity, held between min and max."""
    low, high = int(ctx.prop(group_id, "min_size", 1)), int(ctx.prop(group_id, "max_size", 1))
    return min(max(int(ctx.prop(group_id, "desired_capacity", 1)), low), high)


def _instances(count: int) -> str:
    return f"{count} instance" if count == 1 else f"{count} instances"


def fixed_compute(ctx: Context) -> list[tuple[str, str]]:
    """Load-balanced compute whose capacity nothing in the design changes: ``(node, what stays fixed)``.

    - an EC2 instance outside any auto scaling group (stateful workloads excepted: they are not scaled
      out by adding instances behind a load balancer);
    - an auto scaling group with no scaling policy and no scheduled action: Auto Scaling then only
      replaces instances and keeps the desired capacity, whatever min_size and max_size allow. A group
      with min_size equal to max_size is fixed by design, and still does not follow demand, so it is
      reported too; a group with max_size 0 is parked and passes, and so does a group of container
      instances (the load balancer's targets are its tasks or pods, whose services scale them);
    - an ECS service without service auto scaling (a stopped service, desired_count 0, passes).

    Each reads only the node's own flows and its members': the rules built on it declare ``flows="ends"``
    and judge only the nodes :meth:`Context.subjects` hands out.
    """
    return ctx.cached_for_subjects("fixed_compute", lambda: _fixed_compute(ctx))


def _fixed_compute(ctx: Context) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for node in ctx.subjects("ec2"):
        if ctx.prop(node, "workload") in STATEFUL_WORKLOADS or ctx.enclosing(node, "auto_scaling_group"):
            continue
        if load_balanced(ctx, node):
            found.append((node, f"{ctx.label(node)} is a single instance outside any Auto Scaling group"))
    for group in ctx.subjects("auto_scaling_group"):
        if group_follows_demand(ctx, group) or int(ctx.prop(group, "max_size", 1)) == 0:
            continue
        if hosts_containers(ctx, group) or not load_balanced(ctx, group):
            continue
        size = fixed_group_size(ctx, group)
        low, high = int(ctx.prop(group, "min_size", 1)), int(ctx.prop(group, "max_size", 1))
        if low == high:
            fact = f"{ctx.label(group)} is fixed at {_instances(size)} (min_size equals max_size)"
        else:
            fact = (
                f"{ctx.label(group)} keeps its desired capacity of {_instances(size)} (nothing in the design "
                f"raises it towards max_size {high})"
            )
        found.append((group, f"{fact} and has no scaling policy or scheduled action"))
    for service in ctx.subjects("ecs_service"):
        count = int(ctx.prop(service, "desired_count", 1))
        if ctx.prop(service, "autoscaling") or count == 0 or not load_balanced(ctx, service):
            continue
        tasks = "1 task" if count == 1 else f"{count} tasks"
        found.append((service, f"{ctx.label(service)} runs a fixed {tasks} with no service auto scaling"))
    return found


def fixed_table(ctx: Context, node_id: str) -> bool:
    """Whether a DynamoDB table has provisioned capacity that nothing scales."""
    if ctx.kind(node_id) != "dynamodb":
        return False
    return ctx.prop(node_id, "billing_mode") == "PROVISIONED" and not ctx.prop(node_id, "autoscaling")


def fixed_stream(ctx: Context, node_id: str) -> bool:
    """Whether a Kinesis data stream has a fixed number of shards (provisioned capacity mode)."""
    return ctx.kind(node_id) == "kinesis" and ctx.prop(node_id, "capacity_mode") == "PROVISIONED"
