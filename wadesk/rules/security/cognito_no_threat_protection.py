"""A Cognito user pool without threat protection (advanced security features)."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-COGNITO-NO-THREAT-PROTECTION",
    title="Cognito user pool has no threat protection",
    pillar="security",
    severity="low",
    wa_bp="SEC02-BP01",
    rationale=(
        "Threat protection (advanced security features) checks sign-ins against known compromised credentials "
        "and scores each one for risk, asking for more proof or blocking it. Without it, a password taken from "
        "another site's breach signs in like its owner."
    ),
    remediation=(
        "Turn on threat protection for the user pool (advanced_security true: AdvancedSecurityMode ENFORCED, "
        "or AUDIT first to watch the risk scores), with adaptive authentication for risky sign-ins."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a user pool whose advanced_security is false."""
    if ctx.prop(node_id, "advanced_security"):
        return None
    return (
        f"{ctx.label(node_id)} does not check sign-ins for compromised credentials or risk "
        "(advanced_security is false)."
    )


RULE = node_rule(META, ("cognito",), check)
