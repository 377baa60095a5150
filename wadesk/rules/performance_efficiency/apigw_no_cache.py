"""An API Gateway stage with no response cache."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-APIGW-NO-CACHE",
    title="API Gateway stage cache is off",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF03-BP05",
    rationale=(
        "Without a stage cache every read request travels to the backend, adding its latency to each "
        "call and load to its data store, even when the answer has not changed."
    ),
    remediation=(
        "For REST APIs that serve repeatable reads, set caching to true with a TTL that suits the data "
        "and cache keys on the parameters that change the response; leave it off for write-only APIs."
    ),
    checkov=("CKV_AWS_120", "CKV_AWS_225"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an API whose caching property is off."""
    if ctx.prop(node_id, "caching"):
        return None
    return f"{ctx.label(node_id)} sends every request to its backend (caching is false)."


RULE = node_rule(META, ("api_gateway",), check)
