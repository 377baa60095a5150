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
    # Checkov also asks it of rules to a managed prefix list, which the design does not carry.
    partial=("CKV_AWS_23",),
)


def _ports(rule: Mapping[str, Any]) -> str:
    protocol = str(rule.get("protocol", "tcp")).strip().lower()
    low, high = int(rule.get("port_from", 0)), int(rule.get("port_to", 65535))
    if protocol in ("-1", "all"):
        return "all traffic"
    if protocol in ("icmp", "icmpv6", "1", "58"):
        return protocol
    return f"{protocol} {low}" if low == high else f"{protocol} {low}-{high}"


def _peer_group(ctx: Context, rule: Mapping[str, Any], group: str) -> str:
    """The security group a ``group_rules`` entry names, as the message shows it."""
    peer = str(rule.get("peer", "") or "")
    if peer == group:
        return "the group's own members"
    if peer in ctx.arch and ctx.kind(peer) == "security_group":
        return f"security group {ctx.label(peer)}"
    return f"security group {peer or '(not named)'}"


def _bare(ctx: Context, node_id: str) -> list[str]:
    """Every rule of the group with no description, named by direction, ports and peer."""
    bare = []
    for direction in ("ingress", "egress"):
        peer = "from" if direction == "ingress" else "to"
        for rule in ctx.prop(node_id, direction, []) or []:
            if not str(rule.get("description", "") or "").strip():
                bare.append(f"{direction} {_ports(rule)} {peer} {rule.get('cidr', '0.0.0.0/0')}")
    for rule in ctx.prop(node_id, "group_rules", []) or []:
        if not str(rule.get("description", "") or "").strip():
            direction = str(rule.get("direction", "ingress"))
            peer = "from" if direction == "ingress" else "to"
            bare.append(f"{direction} {_ports(rule)} {peer} {_peer_group(ctx, rule, node_id)}")
    return bare


def check(ctx: Context, node_id: str) -> str | None:
    """Report a security group whose rules (to address ranges or to other groups) include some with no description."""
    if ctx.prop(node_id, "defined_elsewhere"):
        return None
    bare = _bare(ctx, node_id)
    if not bare:
        return None
    listed = "; ".join(dict.fromkeys(bare))
    count = "a rule" if len(bare) == 1 else f"{len(bare)} rules"
    return f"{ctx.label(node_id)} has {count} with no description: {listed}."


RULE = node_rule(META, ("security_group",), check)
