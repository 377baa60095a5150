"""An ECS service or Fargate task on x86_64 where arm64 (Graviton) would do."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-CONTAINER-X86",
    title="Containers run on x86_64",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS05-BP02",
    rationale=(
        "Containers on arm64 run on Graviton processors, which deliver the same work with less energy, and "
        "Fargate bills arm64 tasks about 20% less than x86 ones."
    ),
    remediation=(
        "Build multi-architecture images (linux/arm64 and linux/amd64), then set architecture to arm64 (the "
        "task definition's runtime platform; for the EC2 launch type, Graviton container instances)."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an ECS service or Fargate task whose architecture is x86_64."""
    if ctx.prop(node_id, "architecture") != "x86_64":
        return None
    return f"{ctx.label(node_id)} runs its containers on x86_64; on arm64 (Graviton) they would use less energy."


RULE = node_rule(META, ("ecs_service", "fargate_task"), check)
