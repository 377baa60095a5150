"""A Lambda function on x86_64 where arm64 (Graviton) would do."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-LAMBDA-X86",
    title="Lambda function runs on x86_64",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS05-BP02",
    rationale=(
        "Functions on the arm64 architecture run on Graviton processors, which need less energy for the same "
        "work and are billed about 20% less per GB-second; most functions in interpreted runtimes need no "
        "change to move."
    ),
    remediation=(
        "Set architecture to arm64 after checking that native dependencies and layers have arm64 builds "
        "(rebuild container images for linux/arm64)."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a function whose architecture is x86_64."""
    if ctx.prop(node_id, "architecture") != "x86_64":
        return None
    return f"{ctx.label(node_id)} runs on x86_64; on arm64 (Graviton) it would use less energy and cost less."


RULE = node_rule(META, ("lambda",), check)
