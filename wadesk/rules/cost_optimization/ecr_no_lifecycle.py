"""An ECR repository that keeps every image ever pushed."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-ECR-NO-LIFECYCLE",
    title="ECR repository has no lifecycle policy",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST04-BP05",
    rationale=(
        "Every build pushes a new image, and without a lifecycle policy none is ever removed: storage is billed "
        "for every old and untagged image, and the repository fills with images nobody will deploy again."
    ),
    remediation=(
        "Add a lifecycle policy (aws_ecr_lifecycle_policy, or LifecyclePolicy in CloudFormation) that expires "
        "untagged images after some days and keeps only the last few tagged releases."
    ),
    securityhub=("ECR.3",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a repository whose lifecycle_policy property is false."""
    if ctx.prop(node_id, "lifecycle_policy"):
        return None
    return f"{ctx.label(node_id)} has no lifecycle policy, so every image pushed to it is kept and billed forever."


RULE = node_rule(META, ("ecr",), check)
