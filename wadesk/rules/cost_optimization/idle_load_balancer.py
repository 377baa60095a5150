"""A load balancer that forwards to nothing but still bills by the hour."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import LOAD_BALANCERS, OBSERVERS

META = RuleMeta(
    id="COST-IDLE-LOAD-BALANCER",
    title="Load balancer has no targets",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST04-BP03",
    rationale=(
        "A load balancer is charged for every hour it exists, whether or not it forwards anything. One with "
        "no targets serves no request and is usually left over from an earlier version of the workload."
    ),
    remediation=(
        "Draw the flows from the load balancer to the instances, services, functions or auto scaling group it "
        "forwards to; if it has none, delete the load balancer."
    ),
    securityhub=(),
    checkov=(),
)

#: Flows to these kinds serve the load balancer itself (logs, metrics, keys, auth), not a target.
_NOT_TARGETS = OBSERVERS | frozenset({"waf", "shield", "acm", "cognito", "secrets_manager"})


def check(ctx: Context) -> Iterator[Hit]:
    """Report every load balancer with no outgoing flow to something it could forward to, unless its targets
    are registered outside the design (``targets_elsewhere``)."""
    for lb in ctx.subjects(*LOAD_BALANCERS):
        if ctx.prop(lb, "targets_elsewhere") or any(ctx.kind(t) not in _NOT_TARGETS for t in ctx.successors(lb)):
            continue
        yield Hit(lb, f"{ctx.label(lb)} has no flow to any target, so it is paid for but forwards nothing.")


RULE = graph_rule(
    META, check, reads={kind: {"targets_elsewhere"} for kind in ("alb", "nlb", "elb")}, flows="ends"
)
