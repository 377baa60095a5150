"""An EFS file system that keeps cold files on its most resource-intensive storage class."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-EFS-NO-LIFECYCLE",
    title="EFS file system has no lifecycle policy",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS04-BP03",
    rationale=(
        "Files that nobody has opened for weeks stay on EFS Standard storage unless a lifecycle policy moves "
        "them; the Infrequent Access and Archive classes hold the same data on denser, less energy-hungry "
        "storage at a fraction of the price."
    ),
    remediation=(
        "Set lifecycle_policy to true: transition files to Infrequent Access after 30 days without access "
        "(and to Archive later if suitable), and back to Standard on first access if they become hot again."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a file system whose lifecycle_policy is off."""
    if ctx.prop(node_id, "lifecycle_policy"):
        return None
    return f"{ctx.label(node_id)} has no lifecycle policy, so files that are no longer read stay on Standard storage."


RULE = node_rule(META, ("efs",), check)
