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
        "A recorder limited to some resource types (a list to include, or a list to exclude) keeps no history "
        "of the others: a change to one of them leaves no configuration record to investigate and no Config "
        "rule can evaluate it."
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
    return (
        f"{ctx.label(node_id)} does not record every resource type (all_resources is false), so changes to the "
        "others leave no configuration history."
    )


RULE = node_rule(META, ("config",), check)
