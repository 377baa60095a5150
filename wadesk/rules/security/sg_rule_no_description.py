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
        "Give every ingress rule a description naming the client it admits and the reason, such as "
        "\"HTTPS from the office VPN\"."
    ),
    checkov=("CKV_AWS_23",),
    partial=("CKV_AWS_23",),
)


def _rule_name(rule: Mapping[str, Any]) -> str:
    protocol = str(rule.get("protocol", "tcp")).strip().lower()
    low, high = int(rule.get("port_from", 0)), int(rule.get("port_to", 65535))
    if protocol in ("-1", "all"):
        ports = "all traffic"
    elif protocol in ("icmp", "icmpv6", "1", "58"):
        ports = protocol
    else:
        ports = f"{protocol} {low}" if low == high else f"{protocol} {low}-{high}"
    return f"{ports} from {rule.get('cidr', '0.0.0.0/0')}"


def check(ctx: Context, node_id: str) -> str | None:
    """Report a security group whose ingress rules include some with an empty description, naming them."""
    if ctx.prop(node_id, "defined_elsewhere"):
        return None
    bare = [
        _rule_name(rule)
        for rule in ctx.prop(node_id, "ingress", []) or []
        if not str(rule.get("description", "") or "").strip()
    ]
    if not bare:
        return None
    listed = "; ".join(dict.fromkeys(bare))
    count = "an ingress rule" if len(bare) == 1 else f"{len(bare)} ingress rules"
    return f"{ctx.label(node_id)} has {count} with no description: {listed}."


RULE = node_rule(META, ("security_group",), check)
