"""A multi-service request path from the internet that nothing traces."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import ACTORS, CONTAINERS, OBSERVERS

META = RuleMeta(
    id="OPS-NO-TRACING",
    title="Request path is not traced",
    pillar="operational_excellence",
    severity="low",
    wa_bp="OPS04-BP05",
    rationale=(
        "When a request crosses several services, logs and metrics of each one alone rarely show where "
        "latency or an error came from. Distributed tracing follows a request end to end and points at "
        "the slow or failing hop."
    ),
    remediation=(
        "Turn on X-Ray: set tracing to true on the API Gateway stage, the Lambda functions and the Step "
        "Functions state machines on the path, run the X-Ray or ADOT collector beside containers and "
        "instances, and draw their flows to an X-Ray node."
    ),
    securityhub=("APIGateway.3",),
    checkov=("CKV_AWS_73", "CKV_AWS_50", "CKV_AWS_284"),
    partial=("APIGateway.3", "CKV_AWS_73", "CKV_AWS_50", "CKV_AWS_284"),
)

#: Kinds that carry requests from the internet up to the workload's front door.
_EDGE = frozenset({"internet", "waf", "shield", "cloudfront", "route53", "global_accelerator", "internet_gateway"})
#: Front doors where a request enters the workload.
_ENTRY_POINTS = frozenset({"alb", "nlb", "elb", "api_gateway"})
#: Kinds a flow reaches without them being a hop of the request.
#: Mounted file and block storage is read through the operating system, where no trace follows a request.
_NOT_HOPS = OBSERVERS | ACTORS | CONTAINERS | frozenset(
    {"waf", "shield", "acm", "cognito", "secrets_manager", "efs", "fsx", "ebs"}
)
#: Kinds with a tracing property of their own.
_TRACING_PROP = frozenset({"lambda", "api_gateway", "step_functions", "app_runner"})


def _is_hop(ctx: Context, node_id: str) -> bool:
    return ctx.kind(node_id) not in _NOT_HOPS


def _traced(ctx: Context, node_id: str) -> bool:
    if ctx.kind(node_id) in _TRACING_PROP and ctx.prop(node_id, "tracing"):
        return True
    return ctx.sends_to(node_id, "xray")


def _leads_to_trace(ctx: Context, entry: str) -> bool:
    """Whether some path of hops from ``entry`` (a hop itself) reaches a traced node, ``entry`` included."""
    seen = {entry}
    stack = [entry]
    while stack:
        current = stack.pop()
        if _traced(ctx, current):
            return True
        for nxt in ctx.successors(current):
            if nxt not in seen and _is_hop(ctx, nxt):
                seen.add(nxt)
                stack.append(nxt)
    return False


def _chain(ctx: Context, entry: str) -> tuple[str, str] | None:
    """Two hops after ``entry`` (entry -> first -> second), if the request goes that deep."""
    for first in ctx.request_successors(entry):
        if first == entry or not _is_hop(ctx, first):
            continue
        for second in ctx.request_successors(first):
            if second not in (entry, first) and _is_hop(ctx, second):
                return first, second
    return None


def check(ctx: Context) -> Iterator[Hit]:
    """Report each internet-facing entry point whose path of three or more services reaches no traced node."""
    internet = ctx.nodes("internet")
    if not internet:
        return
    edge_reach = ctx.reachable(internet, through=lambda n: ctx.kind(n) in _EDGE, key=META.id)
    for entry in sorted(ctx.subjects(*_ENTRY_POINTS)):
        if entry not in edge_reach or _leads_to_trace(ctx, entry):
            continue
        chain = _chain(ctx, entry)
        if chain is None:
            continue
        first, second = chain
        yield Hit(
            entry,
            f"Requests entering at {ctx.label(entry)} go on to {ctx.label(first)} and then {ctx.label(second)}, "
            "but no service on that path is traced with X-Ray.",
        )


RULE = graph_rule(META, check, reads={kind: {"tracing"} for kind in _TRACING_PROP}, flows="paths")
