"""A Cognito user pool that does not offer multi-factor authentication."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-COGNITO-NO-MFA",
    title="Cognito user pool has MFA turned off",
    pillar="security",
    severity="medium",
    wa_bp="SEC02-BP01",
    rationale=(
        "With MFA off, a guessed, phished or reused password is enough to take over a user's account; a "
        "second factor stops most credential-stuffing and phishing attacks."
    ),
    remediation=(
        "Set mfa to on (required for every user) or at least optional on the user pool, preferring "
        "authenticator apps (TOTP) over SMS codes."
    ),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a user pool whose mfa is off."""
    if ctx.prop(node_id, "mfa") != "off":
        return None
    return f"{ctx.label(node_id)} signs users in with a password alone (mfa is off)."


RULE = node_rule(META, ("cognito",), check)
