"""An OpenSearch domain missing encryption at rest, between nodes or on client connections."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

#: Each encryption setting the rule requires, with how a message names it when it is off.
SETTINGS: tuple[tuple[str, str], ...] = (
    ("encryption_at_rest", "encryption at rest"),
    ("node_to_node_encryption", "node-to-node encryption"),
    ("enforce_https", "HTTPS enforcement"),
)

META = RuleMeta(
    id="SEC-OPENSEARCH-UNENCRYPTED",
    title="OpenSearch domain is not fully encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "An OpenSearch domain usually indexes logs and documents full of personal or business data; "
        "unencrypted storage, clear-text traffic between its nodes or plain-HTTP client requests each leave "
        "that data readable to whoever gets at the disks or the network."
    ),
    remediation=(
        "Set encryption_at_rest, node_to_node_encryption and enforce_https to true on the opensearch node "
        "(with a TLS 1.2 or later security policy); encryption at rest and between nodes can be turned on "
        "for an existing domain, which triggers a blue/green update."
    ),
    securityhub=("Opensearch.1", "Opensearch.3", "Opensearch.8"),
    checkov=("CKV_AWS_5", "CKV_AWS_6", "CKV_AWS_83"),
    partial=("Opensearch.1", "Opensearch.3", "Opensearch.8", "CKV_AWS_5", "CKV_AWS_6", "CKV_AWS_83"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a domain with any of its three encryption settings off, naming each one that is off."""
    missing = [(name, text) for name, text in SETTINGS if not ctx.prop(node_id, name)]
    if not missing:
        return None
    what = ", ".join(text for _, text in missing)
    props = ", ".join(f"{name} is false" for name, _ in missing)
    return f"{ctx.label(node_id)} lacks {what} ({props})."


RULE = node_rule(META, ("opensearch",), check)
