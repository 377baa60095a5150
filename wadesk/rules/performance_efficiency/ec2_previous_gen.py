"""An EC2 instance of a previous-generation family."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.performance_efficiency._common import PREVIOUS_EC2_FAMILIES, instance_family

META = RuleMeta(
    id="PERF-EC2-PREVIOUS-GEN",
    title="EC2 instance uses a previous-generation type",
    pillar="performance_efficiency",
    severity="medium",
    wa_bp="PERF02-BP01",
    rationale=(
        "Older families run on older processors and the Xen hypervisor, with slower networking and EBS "
        "access. Current Nitro-based families give more performance per vCPU for the same or a lower "
        "price."
    ),
    remediation=(
        "Change instance_type to a current family of the same class (for example t3 or t4g for t2, m7i "
        "or m7g for m4, c7i or c7g for c4, r7i or r7g for r4), after testing the workload on it."
    ),
    securityhub=("EC2.24",),
    checkov=(),
    partial=("EC2.24",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance whose instance_type belongs to a previous-generation family."""
    instance_type = str(ctx.prop(node_id, "instance_type", "") or "")
    family = instance_family(instance_type)
    if family not in PREVIOUS_EC2_FAMILIES:
        return None
    return f"{ctx.label(node_id)} runs on {instance_type}, a previous-generation {family} instance type."


RULE = node_rule(META, ("ec2",), check)
