"""A VPC's default security group that allows traffic in or protects resources."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

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


def check(ctx: Context) -> Iterator[Hit]:
    """Report every default security group that has an ingress rule or contains a component."""
    for group in ctx.nodes("security_group"):
        if not ctx.prop(group, "is_default"):
            continue
        rules = len(ctx.prop(group, "ingress") or ())
        members = ctx.members(group)
        if not rules and not members:
            continue
        reasons = []
        if rules:
            reasons.append(f"{rules} ingress rule{'s' if rules != 1 else ''}")
        if members:
            reasons.append(f"{len(members)} resource{'s' if len(members) != 1 else ''} inside it")
        yield Hit(
            group,
            f"{ctx.label(group)} is the VPC's default security group yet has {' and '.join(reasons)}.",
        )


RULE = graph_rule(META, check, reads={"security_group": {"is_default", "ingress"}}, flows="none")
