"""An ECR repository whose images nothing scans for known vulnerabilities."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-ECR-NO-SCAN",
    title="ECR repository does not scan its images",
    pillar="security",
    severity="high",
    wa_bp="SEC06-BP01",
    rationale=(
        "Container images carry an operating system and libraries of their own. Unscanned, an image with a "
        "known vulnerability is pushed and deployed without anyone being told, and it keeps running long after "
        "a fix exists."
    ),
    remediation=(
        "Set scan_on_push to true (image_scanning_configuration { scan_on_push = true }, or a registry "
        "scanning rule whose filter matches the repository), or turn on Amazon Inspector, whose enhanced "
        "scanning scans images on push and again as new CVEs are published; then act on the findings."
    ),
    securityhub=("ECR.1",),
    checkov=("CKV_AWS_163",),
    # Checkov reads the repository's own setting only; this rule also counts registry rules and Inspector.
    partial=("CKV_AWS_163",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report each repository that does not scan on push while no enabled inspector node scans images."""
    if any(ctx.prop(inspector, "enabled") for inspector in ctx.nodes("inspector")):
        return
    for node_id in ctx.nodes("ecr"):
        if not ctx.prop(node_id, "scan_on_push"):
            yield Hit(node_id, (
                f"{ctx.label(node_id)} does not scan the images pushed to it (scan_on_push is false, and no "
                "enabled Amazon Inspector is drawn), so images with known vulnerabilities are deployed unnoticed."
            ))


RULE = graph_rule(META, check, reads={"ecr": {"scan_on_push"}, "inspector": {"enabled"}}, flows=False)
