"""An IAM role with a policy that allows all actions on all resources."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-IAM-WILDCARD",
    title="IAM role allows every action on every resource",
    pillar="security",
    severity="high",
    wa_bp="SEC03-BP02",
    rationale=(
        'A policy that allows Action "*" on Resource "*" gives whoever assumes the role, or compromises '
        "the workload that holds it, full control of the account."
    ),
    remediation=(
        "Replace the wildcard policy with statements that list only the actions and resources the "
        "workload uses (IAM Access Analyzer can generate one from its CloudTrail activity), then set "
        "wildcard_permissions to false."
    ),
    securityhub=("IAM.1",),
    checkov=("CKV_AWS_62", "CKV_AWS_1"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a role whose wildcard_permissions property is true."""
    if not ctx.prop(node_id, "wildcard_permissions"):
        return None
    return (
        f'{ctx.label(node_id)} may perform any action on any resource: a policy allows Action "*" on Resource "*" '
        "(or on all but what a NotResource lists) under no condition that narrows where (wildcard_permissions)."
    )


RULE = node_rule(META, ("iam_role",), check)
