"""Security-group rules that say nothing about what they are for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.drawn_groups import group_root, once_per_group

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


def _peer_group(ctx: Context, rule: Mapping[str, Any], boxes: list[str]) -> str:
    """The security group a ``group_rules`` entry names, as the message shows it."""
    peer = str(rule.get("peer", "") or "")
    if peer in ctx.arch and ctx.kind(peer) == "security_group":
        if group_root(ctx, peer) == boxes[0]:
            return "the group's own members"
        return f"security group {ctx.label(peer)}"
    return f"security group {peer or '(not named)'}"


def _bare(ctx: Context, node_id: str, boxes: list[str]) -> list[str]:
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
            bare.append(f"{direction} {_ports(rule)} {peer} {_peer_group(ctx, rule, boxes)}")
    return bare


def _message(ctx: Context, node_id: str, boxes: list[str]) -> str | None:
    if ctx.prop(node_id, "defined_elsewhere"):
        return None
    bare = _bare(ctx, node_id, boxes)
    if not bare:
        return None
    listed = "; ".join(dict.fromkeys(bare))
    count = "a rule" if len(bare) == 1 else f"{len(bare)} rules"
    return f"{ctx.label(boxes[0])} has {count} with no description: {listed}."


def check(ctx: Context) -> Iterator[Hit]:
    """Report each security group whose rules (to address ranges or to other groups) include some with no
    description, naming them; a group drawn in several subnets is reported once."""
    return once_per_group(ctx, lambda box, boxes: _message(ctx, box, boxes))


RULE = graph_rule(
    META,
    check,
    reads={"security_group": {"ingress", "egress", "group_rules", "copy_of", "defined_elsewhere"}},
    flows="none",
)
