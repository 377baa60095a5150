"""Load-balanced compute that cannot add capacity when demand rises."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.capacity import COMPUTE_READS, fixed_compute
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-NO-AUTOSCALING",
    title="Load-balanced compute cannot scale out under load",
    pillar="performance_efficiency",
    severity="medium",
    wa_bp="PERF02-BP05",
    rationale=(
        "Traffic through a load balancer varies. A tier of fixed size serves the load it was sized for; "
        "beyond it, every request waits longer for CPU, connections and threads, and response times grow "
        "until requests time out, because nothing adds instances or tasks when utilization rises."
    ),
    remediation=(
        "Give the tier automatic scaling: an auto_scaling_group with a target-tracking scaling policy "
        "(scaling_policy) on CPU utilization or the load balancer's request count per target, with max_size "
        "above the usual size; for an ECS service, service auto scaling (autoscaling) on the same metrics."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report load-balanced EC2 instances outside a group, groups nothing resizes, and fixed ECS services."""
    for node, fact in fixed_compute(ctx):
        yield Hit(node, f"{fact}: when load-balanced traffic rises past what that capacity serves, responses "
                  "slow down and time out instead of capacity being added.")


RULE = graph_rule(META, check, reads=COMPUTE_READS, flows="ends")
