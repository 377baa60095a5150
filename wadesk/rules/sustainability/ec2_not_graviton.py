"""An EC2 instance on an x86 family that has a Graviton (arm64) counterpart."""

from __future__ import annotations

import re

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-EC2-NOT-GRAVITON",
    title="EC2 instance does not use Graviton",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS05-BP02",
    rationale=(
        "Graviton (arm64) instances use up to 60% less energy than comparable x86 instances for the same "
        "performance, and cost less per hour; most Linux workloads and interpreted or JVM runtimes move "
        "over without code changes."
    ),
    remediation=(
        "Test the workload on arm64 and change instance_type to the Graviton family of the same class "
        "(for example m7g instead of m5 or m6i, c7g instead of c5, r7g instead of r5, t4g instead of t3)."
    ),
    securityhub=(),
    checkov=(),
)

_FAMILY = re.compile(r"^([a-z]+)(\d+)([a-z-]*)$")
#: Instance classes with a Graviton counterpart, and the family to suggest.
_GRAVITON_OF = {"t": "t4g", "m": "m7g", "c": "c7g", "r": "r7g", "x": "x2gd", "i": "i4g"}


def graviton_alternative(instance_type: str) -> str | None:
    """The Graviton family to suggest for an x86 ``instance_type``; None when it is Graviton or has no peer."""
    family = instance_type.strip().lower().split(".", 1)[0]
    match = _FAMILY.match(family)
    if match is None:
        return None
    prefix, _, suffix = match.groups()
    if suffix.startswith("g") or family == "a1":
        return None  # Graviton already (m7g, c6gn, t4g, r8g, x2gd, a1, ...)
    return _GRAVITON_OF.get(prefix)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance whose type is an x86 family that has a Graviton counterpart."""
    instance_type = str(ctx.prop(node_id, "instance_type", "") or "")
    alternative = graviton_alternative(instance_type)
    if alternative is None:
        return None
    return (
        f"{ctx.label(node_id)} runs on {instance_type}, an x86 type; the Graviton family {alternative} "
        "would do the same work with less energy."
    )


RULE = node_rule(META, ("ec2",), check)
