"""An API with no throttling of its own in front of the services it calls."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-APIGW-NO-THROTTLING",
    title="API has no throttling limits",
    pillar="reliability",
    severity="low",
    wa_bp="REL05-BP02",
    rationale=(
        "Without stage or usage-plan limits an API passes every burst straight to its backends, bounded only by "
        "the account-wide quota: one noisy client or a retry storm can exhaust Lambda concurrency or database "
        "connections for everyone."
    ),
    remediation=(
        "Set stage-level rate and burst limits (and per-client usage plans with API keys where clients are "
        "known) sized to what the backends sustain, then set throttling to true."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an API whose throttling property is false."""
    if ctx.prop(node_id, "throttling"):
        return None
    return f"{ctx.label(node_id)} sets no rate or burst limits of its own (throttling is false)."


RULE = node_rule(META, ("api_gateway",), check)
