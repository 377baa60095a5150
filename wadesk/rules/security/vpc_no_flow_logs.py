"""A VPC that records no flow logs."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-VPC-NO-FLOW-LOGS",
    title="VPC has no flow logs",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "Without flow logs there is no record of which addresses talked to which ports inside the network, "
        "so a scan, a data transfer to an unknown host or a rejected intrusion attempt leaves no trace to "
        "investigate afterwards."
    ),
    remediation=(
        "Set flow_logs to true on the VPC and deliver the records to CloudWatch Logs or to a log bucket "
        "(draw a flow from the VPC to a cloudwatch node), keeping them as long as investigations need."
    ),
    securityhub=("EC2.6",),
    checkov=("CKV2_AWS_11",),
)

def _delivers_logs(ctx: Context, vpc: str) -> bool:
    """Whether the drawing shows the VPC shipping records: a flow to CloudWatch, or to a log bucket."""
    for _edge_id, target, _ in ctx.out_edges(vpc):
        kind = ctx.kind(target)
        if kind == "cloudwatch":
            return True
        if kind == "s3" and ctx.prop(target, "log_bucket"):
            return True
    return any(ctx.kind(source) == "cloudwatch" for source in ctx.predecessors(vpc))


def check(ctx: Context) -> Iterator[Hit]:
    """Report every VPC whose flow_logs is false and that has no flow carrying its logs to CloudWatch or S3."""
    for vpc in ctx.subjects("vpc"):
        if ctx.prop(vpc, "flow_logs") or _delivers_logs(ctx, vpc):
            continue
        yield Hit(vpc, f"{ctx.label(vpc)} keeps no record of its network traffic (flow_logs is false).")


RULE = graph_rule(META, check, reads={"vpc": {"flow_logs"}, "s3": {"log_bucket"}}, flows="ends")
