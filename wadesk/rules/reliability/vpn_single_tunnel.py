"""A site-to-site VPN configured with one tunnel."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-VPN-SINGLE-TUNNEL",
    title="Site-to-site VPN uses one tunnel",
    pillar="reliability",
    severity="low",
    wa_bp="REL02-BP02",
    rationale=(
        "Every AWS site-to-site VPN connection offers two tunnels ending in different Availability Zones; "
        "AWS replaces tunnel endpoints during routine maintenance, so a connection that uses only one of them "
        "drops whenever that endpoint is serviced."
    ),
    remediation="Configure both tunnels on the customer gateway (set tunnels to 2) and let routing fail over.",
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a VPN gateway whose tunnels property is 1."""
    if int(ctx.prop(node_id, "tunnels", 2)) >= 2:
        return None
    return f"{ctx.label(node_id)} uses a single VPN tunnel (tunnels is 1)."


RULE = node_rule(META, ("vpn_gateway",), check)
