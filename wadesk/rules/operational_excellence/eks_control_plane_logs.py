"""An EKS cluster whose control plane logs go nowhere."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-EKS-CONTROL-PLANE-LOGS",
    title="EKS control plane logging is off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS08-BP02",
    rationale=(
        "The API server, audit, authenticator, controller manager and scheduler logs explain failed "
        "deployments, throttled API calls and who changed what in the cluster. AWS runs the control "
        "plane, so these logs are the only view into it."
    ),
    remediation="Set control_plane_logging to true, sending all five log types to CloudWatch Logs.",
    checkov=("CKV_AWS_37",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose control_plane_logging property is off."""
    if ctx.prop(node_id, "control_plane_logging"):
        return None
    return f"{ctx.label(node_id)} keeps no control plane logs (control_plane_logging is false)."


RULE = node_rule(META, ("eks_cluster",), check)
