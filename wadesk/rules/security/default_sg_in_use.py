"""A VPC's default security group that allows traffic in or protects resources."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.drawn_groups import once_per_group

META = RuleMeta(
    id="SEC-DEFAULT-SG-IN-USE",
    title="Default security group is in use",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "Every resource launched without an explicit security group lands in the VPC's default group, so "
        "rules added to it silently apply to unrelated resources, and resources in it share one undifferentiated "
        "set of permissions instead of least-privilege rules per tier."
    ),
    remediation=(
        "Move the resources into purpose-built security groups (one per tier, allowing only the ports and "
        "sources that tier needs), then remove every ingress rule from the default security group."
    ),
    securityhub=("EC2.2",),
    checkov=("CKV2_AWS_12",),
    partial=("EC2.2", "CKV2_AWS_12"),
)


def _message(ctx: Context, box: str, boxes: list[str]) -> str | None:
    if not ctx.prop(box, "is_default"):
        return None
    inbound = [r for r in ctx.prop(box, "group_rules") or () if r.get("direction", "ingress") == "ingress"]
    rules = len(ctx.prop(box, "ingress") or ()) + len(inbound)  # from address ranges or from security groups
    members = [m for b in boxes if ctx.prop(b, "is_default") for m in ctx.members(b)]
    if not rules and not members:
        return None
    reasons = []
    if rules:
        reasons.append(f"{rules} ingress rule{'s' if rules != 1 else ''}")
    if members:
        reasons.append(f"{len(members)} resource{'s' if len(members) != 1 else ''} inside it")
    return f"{ctx.label(boxes[0])} is the VPC's default security group yet has {' and '.join(reasons)}."


def check(ctx: Context) -> Iterator[Hit]:
    """Report every default security group that has an ingress rule or contains a component (the members of
    every box of a group drawn in several subnets count, and the group is reported once)."""
    return once_per_group(ctx, lambda box, boxes: _message(ctx, box, boxes))


RULE = graph_rule(
    META, check, reads={"security_group": {"is_default", "ingress", "group_rules", "copy_of"}}, flows="none"
)
