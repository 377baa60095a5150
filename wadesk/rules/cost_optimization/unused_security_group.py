"""A security group that protects nothing."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.drawn_groups import security_groups

META = RuleMeta(
    id="COST-UNUSED-SECURITY-GROUP",
    title="Security group is not used by any resource",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST04-BP03",
    rationale=(
        "A security group attached to nothing is clutter that outlives the resources it was made for: it "
        "counts against the VPC's quota, makes reviews slower and can be attached again later with rules "
        "nobody remembers."
    ),
    remediation=(
        "Draw the resources the security group protects inside it; if there are none, delete the security group."
    ),
    securityhub=("EC2.22",),
    checkov=("CKV2_AWS_5",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every non-default security group that contains no node and has no flow.

    A box that draws a group again (``copy_of``) is not the group: while another box of the group holds
    resources, the group protects them (only the box's own flows are read, so a flow change still re-judges
    only its ends).
    """
    boxes = {box: group for group in security_groups(ctx) for box in group}
    for group in ctx.subjects("security_group"):
        if ctx.prop(group, "is_default"):
            continue  # the VPC's default group cannot be deleted
        if ctx.prop(group, "attached_elsewhere"):
            continue  # network interfaces the design draws no node for use it (a VPC link's)
        if ctx.children(group) or ctx.neighbours(group):
            continue  # it holds resources, or flows are drawn to it as the group of what it protects
        if any(ctx.children(other) for other in boxes.get(group, ()) if other != group):
            continue  # the same group drawn elsewhere holds resources
        yield Hit(group, f"{ctx.label(group)} contains no resource, so it protects nothing.")


RULE = graph_rule(META, check, reads={"security_group": {"is_default", "copy_of", "attached_elsewhere"}}, flows="ends")
