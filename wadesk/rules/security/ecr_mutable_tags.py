"""An ECR repository whose tags can be moved to another image."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-ECR-MUTABLE-TAGS",
    title="ECR repository lets tags be overwritten",
    pillar="security",
    severity="medium",
    wa_bp="SEC06-BP04",
    rationale=(
        "With mutable tags, pushing an image under an existing tag silently replaces what that tag names: a "
        "deployment of app:1.4 may run an image nobody tested or scanned, and a compromised pipeline can swap "
        "a released image without changing any reference to it."
    ),
    remediation=(
        "Set tag_immutability to true (image_tag_mutability = \"IMMUTABLE\"), push every build under a new tag, "
        "and deploy by tag or by image digest."
    ),
    securityhub=("ECR.2",),
    checkov=("CKV_AWS_51",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a repository whose tag_immutability property is false."""
    if ctx.prop(node_id, "tag_immutability"):
        return None
    return f"{ctx.label(node_id)} lets a push move an existing tag to a different image (tags are mutable)."


RULE = node_rule(META, ("ecr",), check)
