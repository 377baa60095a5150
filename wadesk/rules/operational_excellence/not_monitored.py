"""Compute or a database that sends no metrics or logs to CloudWatch."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import COMPUTE, VPC_DATABASES
from wadesk.rules.operational_excellence._common import scaling_groups

META = RuleMeta(
    id="OPS-NOT-MONITORED",
    title="Compute or database is not monitored",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS04-BP02",
    rationale=(
        "Servers, containers, functions and databases are where capacity runs out and errors start: CPU, "
        "memory, connections, throttles, timeouts. Without their metrics and logs in CloudWatch nobody sees "
        "saturation or errors building up, and an outage is first noticed by users."
    ),
    remediation=(
        "Draw a flow from the node to a CloudWatch node and ship its metrics and logs there (CloudWatch "
        "agent on instances, Container Insights for ECS, control plane logging for EKS, function logs for "
        "Lambda, log exports for databases), then define alarms on the signals that matter."
    ),
)

#: Kinds whose health a drawing must show being watched (SPEC 3b: X -> cloudwatch means X is
#: monitored): everything that runs code, and the databases with capacity of their own to run out.
#: Lambda publishes metrics by itself, but nobody reads them unless logs and alarms are set up,
#: which is what the flow in the drawing says. DynamoDB, S3 and queues scale themselves.
MONITORED_KINDS = COMPUTE | VPC_DATABASES

#: An alarm on a node's metrics watches it as surely as a flow to CloudWatch does.
_WATCHERS = frozenset({"cloudwatch", "cloudwatch_alarm"})


def _watched(ctx: Context, node_id: str) -> bool:
    """Whether a flow either way joins a node to CloudWatch or a CloudWatch alarm."""
    return any(ctx.kind(other) in _WATCHERS for other in ctx.neighbours(node_id))


def check(ctx: Context) -> Iterator[Hit]:
    """Report every compute node or database with no flow to or from CloudWatch or a CloudWatch alarm.

    Settings such as detailed monitoring or log exports decide what reaches
    CloudWatch, not whether anyone watches it: the drawn flow is the signal
    (SPEC 3b), and other rules judge the settings.
    """
    has_cloudwatch = ctx.has_kind(*_WATCHERS)
    subjects = ctx.subjects(*MONITORED_KINDS)
    watched: Callable[[str], bool] = lambda node_id: _watched(ctx, node_id)  # noqa: E731
    if len(subjects) > 64:
        # Judging many nodes: everything joined to a CloudWatch node, found once from the few watchers.
        joined = {other for watcher in ctx.nodes(*_WATCHERS) for other in ctx.neighbours(watcher)}
        watched = joined.__contains__
    for node_id in subjects:
        if watched(node_id) or any(watched(group) for group in scaling_groups(ctx, node_id)):
            continue
        where = "has no flow to CloudWatch" if has_cloudwatch else "is not monitored: the design has no CloudWatch"
        yield Hit(node_id, f"{ctx.label(node_id)} {where}, so its metrics and logs are watched by nobody.")


RULE = graph_rule(META, check, flows="ends")
