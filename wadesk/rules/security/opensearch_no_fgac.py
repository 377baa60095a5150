"""An OpenSearch domain without fine-grained access control."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-OPENSEARCH-NO-FGAC",
    title="OpenSearch fine-grained access control is off",
    pillar="security",
    severity="high",
    wa_bp="SEC03-BP02",
    rationale=(
        "Without fine-grained access control, anyone the domain access policy lets in can read and change "
        "every index, document and field, and the domain cannot limit users to the data they need."
    ),
    remediation=(
        "Set fine_grained_access to true on the opensearch node and map users and IAM roles to OpenSearch "
        "roles that grant index-, document- and field-level permissions (it needs encryption at rest, "
        "node-to-node encryption and HTTPS enforcement)."
    ),
    securityhub=("Opensearch.7",),
    checkov=("CKV2_AWS_52",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a domain whose fine_grained_access property is off."""
    if ctx.prop(node_id, "fine_grained_access"):
        return None
    return (
        f"{ctx.label(node_id)} cannot restrict users to particular indices, documents or fields "
        "(fine_grained_access is false)."
    )


RULE = node_rule(META, ("opensearch",), check)
