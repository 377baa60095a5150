"""An AWS Config recorder that records only some resource types."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CONFIG-PARTIAL-RECORDING",
    title="AWS Config does not record every resource type",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "A recorder limited to a list of resource types keeps no history of the others: a change to a type "
        "left off the list leaves no configuration record to investigate and no Config rule can evaluate it."
    ),
    remediation=(
        "Set all_resources to true (RecordingGroup AllSupported, with global resource types in one Region), "
        "and exclude types only deliberately."
    ),
    securityhub=("Config.1",),
    checkov=("CKV2_AWS_45",),
    partial=("Config.1",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a recorder whose all_resources is false."""
    if ctx.prop(node_id, "all_resources", True):
        return None
    return f"{ctx.label(node_id)} records only the resource types it lists (all_resources is false)."


RULE = node_rule(META, ("config",), check)
