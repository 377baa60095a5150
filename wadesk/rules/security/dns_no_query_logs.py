"""A Route 53 hosted zone that logs no DNS queries."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DNS-NO-QUERY-LOGS",
    title="Route 53 logs no DNS queries",
    pillar="security",
    severity="low",
    wa_bp="SEC04-BP01",
    rationale=(
        "DNS query logs show which names were asked for, when and from where: the trail left by malware calling "
        "home, data sent out through DNS lookups or a subdomain being probed. Without them, an investigation has "
        "nothing to read about that traffic."
    ),
    remediation=(
        "Turn on query logging for the hosted zone (query_logging true: a QueryLoggingConfig to a CloudWatch Logs "
        "group in us-east-1 for a public zone), and Route 53 Resolver query logging for the VPCs that use a "
        "private zone."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a zone whose query_logging is false, unless it stands for another stack's zone."""
    if ctx.prop(node_id, "query_logging") or ctx.prop(node_id, "defined_elsewhere"):
        return None
    return f"{ctx.label(node_id)} keeps no log of the DNS queries it answers (query_logging is false)."


RULE = node_rule(META, ("route53",), check)
