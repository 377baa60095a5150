"""A Step Functions state machine that writes no execution logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-SFN-LOGGING",
    title="Step Functions logging is off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS08-BP02",
    rationale=(
        "Execution logs show which state failed, with what input and error. Express workflows keep no "
        "execution history at all, and Standard workflows keep it for a limited time only."
    ),
    remediation="Set logging to true: send execution logs (level ERROR or ALL) to a CloudWatch Logs group.",
    securityhub=("StepFunctions.1",),
    checkov=("CKV_AWS_285",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a state machine whose logging property is off."""
    if ctx.prop(node_id, "logging"):
        return None
    kind = str(ctx.prop(node_id, "workflow_type", "STANDARD")).capitalize()
    return f"{ctx.label(node_id)} ({kind} workflow) writes no execution logs (logging is false)."


RULE = node_rule(META, ("step_functions",), check)
