"""A Kinesis data stream with a fixed number of shards."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.capacity import fixed_stream
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-KINESIS-FIXED-SHARDS",
    title="Kinesis stream has a fixed number of shards",
    pillar="reliability",
    severity="low",
    wa_bp="REL07-BP01",
    rationale=(
        "In provisioned capacity mode a stream accepts what its shards allow and rejects the rest with "
        "ProvisionedThroughputExceeded errors; a producer that gives up after its retries loses those records. "
        "Nothing adds shards when traffic grows unless someone or something reshards the stream."
    ),
    remediation=(
        "Set capacity_mode to ON_DEMAND so the stream scales with its traffic, or keep PROVISIONED with a "
        "process that reshards it (UpdateShardCount) on its write and read metrics, and producers that retry "
        "throttled records."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a stream in PROVISIONED capacity mode."""
    if not fixed_stream(ctx, node_id):
        return None
    return (
        f"{ctx.label(node_id)} has a fixed number of shards (capacity_mode PROVISIONED): when writes exceed "
        "them, producers get throughput errors and records they do not retry are lost."
    )


RULE = node_rule(META, ("kinesis",), check)
