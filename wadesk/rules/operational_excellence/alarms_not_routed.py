"""CloudWatch receives metrics but no alarm reaches anyone, or an alarm has no action."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-ALARMS-NOT-ROUTED",
    title="CloudWatch alarms notify nobody",
    pillar="operational_excellence",
    severity="high",
    wa_bp="OPS08-BP04",
    rationale=(
        "Metrics that no alarm acts on only help after the fact. An alarm needs an action: a topic that "
        "pages the on-call team, an OpsItem, or an automated remediation, otherwise a breach goes unseen."
    ),
    remediation=(
        "Define alarms on the key metrics (set alarms to true) and draw a flow from CloudWatch to where "
        "they go: an SNS topic subscribed by the on-call team, Systems Manager OpsCenter or Incident "
        "Manager, an EventBridge rule, or a Lambda function or Auto Scaling group that remediates."
    ),
    securityhub=("CloudWatch.15",),
    checkov=("CKV_AWS_319",),
    partial=("CKV_AWS_319",),
)

#: Where a CloudWatch alarm action (or an alarm state-change rule) can deliver.
ALARM_TARGETS = frozenset(
    {"sns", "systems_manager", "lambda", "eventbridge", "auto_scaling_group", "ec2", "external_service"}
)


#: Kinds whose flows decide whether any alarm reaches anyone.
_WATCHING = ("cloudwatch", "cloudwatch_alarm")


def _routes_alarms(ctx: Context, node_id: str) -> bool:
    return bool(ctx.prop(node_id, "alarms")) and ctx.sends_to(node_id, *ALARM_TARGETS)


def _alarms_without_action(ctx: Context) -> Iterator[Hit]:
    """Alarms drawn on their own that neither name an action nor have a flow to where one would go."""
    for alarm in ctx.subjects("cloudwatch_alarm"):
        if ctx.prop(alarm, "actions") or ctx.sends_to(alarm, *ALARM_TARGETS):
            continue
        yield Hit(
            alarm,
            f"{ctx.label(alarm)} has no action for its ALARM state (actions is false and no flow leaves it), so "
            "when it fires nobody is told and nothing is done.",
        )


def check(ctx: Context) -> Iterator[Hit]:
    """Report alarms without actions, and CloudWatch nodes that receive data while none of them routes an alarm."""
    yield from _alarms_without_action(ctx)
    watchers = ctx.nodes("cloudwatch")
    # Logs and alarms are often drawn as separate CloudWatch nodes, or alarms as cloudwatch_alarm nodes
    # of their own: one that routes covers the design.
    if any(_routes_alarms(ctx, node_id) for node_id in watchers) or any(
        ctx.prop(alarm, "actions") or ctx.sends_to(alarm, *ALARM_TARGETS) for alarm in ctx.nodes("cloudwatch_alarm")
    ):
        return
    for node_id in ctx.subjects("cloudwatch"):
        sources = ctx.predecessors(node_id)
        if not sources:
            continue
        count = f"{len(sources)} node{'s' if len(sources) != 1 else ''}"
        if not ctx.prop(node_id, "alarms"):
            yield Hit(node_id, f"{ctx.label(node_id)} receives data from {count} but defines no alarms on it.")
        else:
            yield Hit(
                node_id,
                f"{ctx.label(node_id)} receives data from {count} but sends no alarm anywhere (no flow to SNS, "
                "Systems Manager, EventBridge, Lambda or Auto Scaling).",
            )


def _every_watcher_when_one_changed(ctx: Context, altered: frozenset[str]) -> list[str]:
    """Whether any CloudWatch node or alarm routes an alarm decides for all of them: a flow of one judges them all.

    Otherwise a CloudWatch node's finding reads only the flows it receives, and an alarm's the flows it sends.
    """
    if not any(ctx.kind(node) in _WATCHING for node in altered):
        return []
    return ctx.nodes(*_WATCHING)


RULE = graph_rule(
    META,
    check,
    reads={"cloudwatch": {"alarms"}, "cloudwatch_alarm": {"actions"}},
    flows="ends",
    also_affects=_every_watcher_when_one_changed,
)
