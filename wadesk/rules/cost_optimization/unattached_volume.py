"""An EBS volume that no instance or service uses."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import OBSERVERS

META = RuleMeta(
    id="COST-UNATTACHED-VOLUME",
    title="EBS volume is not attached to anything",
    pillar="cost_optimization",
    severity="medium",
    wa_bp="COST04-BP03",
    rationale=(
        "EBS bills for the provisioned gigabytes (and IOPS) whether or not a volume is attached. A volume "
        "that nothing reads or writes costs money every month for data no running workload uses."
    ),
    remediation=(
        "Draw the flow between the EBS volume and the EC2 instance (or service) that mounts it; if nothing "
        "does, snapshot the volume if its data is still wanted, then delete it."
    ),
    securityhub=(),
    checkov=(),
)

#: Flows with these kinds do not attach a volume: they back it up, encrypt it, watch it or record it.
_NOT_ATTACHING = OBSERVERS | frozenset({"backup", "systems_manager", "trusted_advisor"})


def check(ctx: Context) -> Iterator[Hit]:
    """Report every EBS volume with no flow to or from a node that could mount it."""
    for volume in ctx.subjects("ebs"):
        if ctx.enclosing(volume, "auto_scaling_group") is not None:
            continue  # part of the group's launch template: every instance it starts mounts it
        if any(ctx.kind(n) not in _NOT_ATTACHING for n in ctx.neighbours(volume)):
            continue
        yield Hit(volume, f"{ctx.label(volume)} has no flow to or from any instance or service that mounts it.")


RULE = graph_rule(META, check, flows="ends")
