"""An ElastiCache cluster that does not encrypt its connections."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CACHE-PLAINTEXT",
    title="ElastiCache accepts unencrypted connections",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "Without in-transit encryption, everything the application reads from and writes to the cache, "
        "often session tokens and personal data, crosses the network in clear text."
    ),
    remediation=(
        "Set encryption_in_transit to true and connect the clients with TLS (and, for Redis or Valkey, an "
        "AUTH token or IAM authentication)."
    ),
    securityhub=("ElastiCache.5",),
    checkov=("CKV_AWS_30",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cache whose encryption_in_transit property is false."""
    if ctx.prop(node_id, "encryption_in_transit"):
        return None
    return f"{ctx.label(node_id)} accepts connections in clear text (encryption_in_transit is false)."


RULE = node_rule(META, ("elasticache",), check)
