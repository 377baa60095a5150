"""A database whose master password is a deploy-time parameter that CloudFormation shows to anyone."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.security.db_password_in_code import PASSWORD_KINDS

META = RuleMeta(
    id="SEC-DB-PASSWORD-VISIBLE",
    title="Database master password is a parameter that is not NoEcho",
    pillar="security",
    severity="low",
    wa_bp="SEC02-BP03",
    rationale=(
        "A stack parameter without NoEcho is shown in the console and returned by DescribeStacks, so everyone "
        "who can read the stack's description reads the database's master password."
    ),
    remediation=(
        "Let the service manage the password in Secrets Manager (ManageMasterUserPassword: true) or resolve it "
        "from a Secrets Manager secret; at the least declare the parameter NoEcho: true."
    ),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose master_password is visible_input."""
    if ctx.prop(node_id, "master_password") != "visible_input":
        return None
    return (
        f"The master password of {ctx.label(node_id)} is a stack parameter without NoEcho: anyone who can "
        "describe the stack reads it."
    )


RULE = node_rule(META, PASSWORD_KINDS, check)
