"""An ECS cluster (or a service standing for its cluster) that does not collect Container Insights."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-ECS-CONTAINER-INSIGHTS",
    title="ECS Container Insights is off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS04-BP02",
    rationale=(
        "Without Container Insights, CloudWatch sees only service-level CPU and memory averages: task "
        "restarts, per-task resource use and network figures are missing when a service misbehaves."
    ),
    remediation="Set container_insights to true (turn Container Insights on for the service's cluster).",
    securityhub=("ECS.12",),
    checkov=("CKV_AWS_65",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report each ECS cluster with container_insights off, and services that carry the setting themselves.

    Container Insights is a cluster setting. A service reports it only when the design draws no ECS
    cluster (the service then stands for its cluster), so one setting is never reported twice.
    """
    clusters = ctx.nodes("ecs_cluster")
    for cluster in clusters:
        if not ctx.prop(cluster, "container_insights"):
            yield Hit(cluster, f"{ctx.label(cluster)} runs without Container Insights (container_insights is false).")
    if clusters:
        return
    for service in ctx.nodes("ecs_service"):
        if not ctx.prop(service, "container_insights"):
            yield Hit(service, f"{ctx.label(service)} runs without Container Insights (container_insights is false).")


RULE = graph_rule(
    META, check, reads={"ecs_service": {"container_insights"}, "ecs_cluster": {"container_insights"}}, flows="none"
)
