"""A table or stream whose throughput is fixed, so requests beyond it are throttled."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.capacity import fixed_stream, fixed_table
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-FIXED-THROUGHPUT",
    title="Table or stream has fixed provisioned throughput",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF03-BP02",
    rationale=(
        "A DynamoDB table with fixed provisioned capacity, and a Kinesis stream with a fixed number of shards, "
        "serve up to what was provisioned; above it requests are throttled and the SDKs retry them with "
        "back-off, so latency grows with the load instead of the throughput."
    ),
    remediation=(
        "Let throughput follow the load: for DynamoDB, autoscaling on the provisioned capacity or billing_mode "
        "PAY_PER_REQUEST; for Kinesis, capacity_mode ON_DEMAND, or a process that reshards the stream as its "
        "write and read metrics approach the shards' limits."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a PROVISIONED table without autoscaling, and a stream in PROVISIONED capacity mode."""
    if ctx.kind(node_id) == "dynamodb":
        if not fixed_table(ctx, node_id):
            return None
        return (
            f"{ctx.label(node_id)} has fixed provisioned read and write capacity (autoscaling off): requests "
            "beyond it are throttled and retried, so they slow down as the traffic grows."
        )
    if not fixed_stream(ctx, node_id):
        return None
    return (
        f"{ctx.label(node_id)} has a fixed number of shards (capacity_mode PROVISIONED): writes beyond each "
        "shard's 1 MB or 1,000 records per second are throttled, and its consumers share each shard's 2 MB "
        "per second of reads, so they fall behind when the traffic grows."
    )


RULE = node_rule(META, ("dynamodb", "kinesis"), check)
