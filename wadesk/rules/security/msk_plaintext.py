"""An MSK cluster that lets clients connect without TLS."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

#: Client-broker settings that accept clear-text connections.
PLAINTEXT_MODES = frozenset({"PLAINTEXT", "TLS_PLAINTEXT"})

META = RuleMeta(
    id="SEC-MSK-PLAINTEXT",
    title="MSK cluster accepts plaintext connections",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "While the cluster accepts clear-text client connections, records and SASL credentials can travel "
        "unencrypted, and one misconfigured client is enough for them to be read or altered on the network."
    ),
    remediation=(
        "Set encryption_in_transit to TLS on the msk node so every client connection is encrypted, after "
        "moving producers and consumers to the TLS bootstrap brokers."
    ),
    checkov=("CKV_AWS_81",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose encryption_in_transit setting allows plaintext."""
    mode = str(ctx.prop(node_id, "encryption_in_transit") or "").strip().upper()
    if mode not in PLAINTEXT_MODES:
        return None
    return f"{ctx.label(node_id)} accepts unencrypted client connections (encryption_in_transit is {mode})."


RULE = node_rule(META, ("msk",), check)
