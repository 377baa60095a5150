"""Security-group rules that say nothing about what they are for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SG-RULE-NO-DESCRIPTION",
    title="Security-group rules have no description",
    pillar="security",
    severity="low",
    wa_bp="SEC05-BP02",
    rationale=(
        "A rule without a description does not say who or what it admits, or why. Reviewers cannot tell a "
        "needed rule from a forgotten one, so stale openings stay and are copied into new groups."
    ),
    remediation=(
        "Give every rule a description naming the client it admits (or the destination it lets the group "
        "reach) and the reason, such as \"HTTPS from the office VPN\"."
    ),
    checkov=("CKV_AWS_23",),
    # Checkov also reads rules whose peer is another security group; the drawing shows those as flows.
    partial=("CKV_AWS_23",),
)


def _rule_name(direction: str, rule: Mapping[str, Any]) -> str:
    protocol = str(rule.get("protocol", "tcp")).strip().lower()
    low, high = int(rule.get("port_from", 0)), int(rule.get("port_to", 65535))
    if protocol in ("-1", "all"):
        ports = "all traffic"
    elif protocol in ("icmp", "icmpv6", "1", "58"):
        ports = protocol
    else:
        ports = f"{protocol} {low}" if low == high else f"{protocol} {low}-{high}"
    peer = "from" if direction == "ingress" else "to"
    return f"{direction} {ports} {peer} {rule.get('cidr', '0.0.0.0/0')}"


def check(ctx: Context, node_id: str) -> str | None:
    """Report a security group whose ingress or egress rules include some with no description, naming them."""
    if ctx.prop(node_id, "defined_elsewhere"):
        return None
    bare = [
        _rule_name(direction, rule)
        for direction in ("ingress", "egress")
        for rule in ctx.prop(node_id, direction, []) or []
        if not str(rule.get("description", "") or "").strip()
    ]
    if not bare:
        return None
    listed = "; ".join(dict.fromkeys(bare))
    count = "a rule" if len(bare) == 1 else f"{len(bare)} rules"
    return f"{ctx.label(node_id)} has {count} with no description: {listed}."


RULE = node_rule(META, ("security_group",), check)
