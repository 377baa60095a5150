"""A database whose master password is written in the infrastructure code (a literal or a default value)."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

#: Kinds with a master user password.
PASSWORD_KINDS = ("rds", "aurora", "documentdb", "redshift", "opensearch")

META = RuleMeta(
    id="SEC-DB-PASSWORD-IN-CODE",
    title="Database master password is written in the code",
    pillar="security",
    severity="high",
    wa_bp="SEC02-BP03",
    rationale=(
        "A master password written as a literal, or as the default of a parameter or variable, is in the "
        "template, its repository and every copy of them (and, for Terraform, in the state): everyone who can "
        "read the code can log in to the database as its most powerful user, and the password never rotates."
    ),
    remediation=(
        "Let the service manage the password in Secrets Manager (ManageMasterUserPassword: true, Terraform "
        "manage_master_user_password = true) or read it from a Secrets Manager secret with a dynamic reference, "
        "then set master_password accordingly; change the password that was in the code."
    ),
)

_WHERE = {
    "literal": "is written in the code as a literal",
    "default": "is the default value of a parameter or variable, so it is written in the code",
}


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose master_password is literal or default."""
    where = _WHERE.get(str(ctx.prop(node_id, "master_password")))
    if where is None:
        return None
    return (
        f"The master password of {ctx.label(node_id)} {where}: whoever reads the template or its repository "
        "can log in as the master user."
    )


RULE = node_rule(META, PASSWORD_KINDS, check)
