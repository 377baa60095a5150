"""A CodeBuild project whose builds run in privileged mode."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CODEBUILD-PRIVILEGED",
    title="CodeBuild project runs builds in privileged mode",
    pillar="security",
    severity="medium",
    wa_bp="SEC11-BP07",
    rationale=(
        "A privileged build container reaches every device of its host and runs the Docker daemon: a build step "
        "or dependency that is compromised gets far more than the build needs, in the pipeline that ships the "
        "workload. Only projects that build container images need it."
    ),
    remediation=(
        "Set privileged_mode to false (PrivilegedMode in the project's Environment); keep it only on a project that "
        "builds Docker images, or build images without a daemon (Kaniko, Buildah) so no project needs it."
    ),
    securityhub=("CodeBuild.5",),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a project whose privileged_mode is true."""
    if not ctx.prop(node_id, "privileged_mode"):
        return None
    return f"{ctx.label(node_id)} runs its builds in privileged mode (privileged_mode is true)."


RULE = node_rule(META, ("codebuild",), check)
