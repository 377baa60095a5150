"""A Redshift cluster that accepts client connections without TLS."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-REDSHIFT-NO-SSL",
    title="Redshift cluster does not require SSL",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "When the cluster does not insist on TLS, a client that connects without it sends credentials and "
        "query results in clear text, where anyone on the network path can read or alter them."
    ),
    remediation=(
        "Set require_ssl to true on the redshift node (the require_ssl parameter of its parameter group) "
        "and make clients connect with TLS."
    ),
    securityhub=("Redshift.2",),
    checkov=("CKV_AWS_105",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose require_ssl property is off."""
    if ctx.prop(node_id, "require_ssl"):
        return None
    return f"{ctx.label(node_id)} accepts unencrypted client connections (require_ssl is false)."


RULE = node_rule(META, ("redshift",), check)
