"""Amazon Inspector drawn disabled while the design runs compute it would scan."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._detectors import disabled_services

META = RuleMeta(
    id="SEC-INSPECTOR-DISABLED",
    title="Amazon Inspector is disabled",
    pillar="security",
    severity="medium",
    wa_bp="SEC06-BP01",
    rationale=(
        "Inspector scans EC2 instances, container images and Lambda functions for known vulnerabilities and "
        "unintended network exposure as new CVEs are published. Switched off, a vulnerable package is found "
        "only when someone happens to look, or when it is exploited."
    ),
    remediation=(
        "Set enabled to true on the inspector node (activate Inspector for EC2, ECR and Lambda scanning in the "
        "account, or through a delegated administrator for the organization) and route its findings to whoever "
        "patches."
    ),
    securityhub=(),
    checkov=(),
)

#: What Inspector scans: instances, container images of ECS and EKS, and Lambda functions.
SCANNED = frozenset(
    {"ec2", "lambda", "ecs_service", "fargate_task", "eks_cluster", "elastic_beanstalk", "batch", "auto_scaling_group"}
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report inspector nodes drawn with enabled false, none enabled, in a design with compute."""
    yield from disabled_services(
        ctx,
        "inspector",
        SCANNED,
        "is disabled (enabled is false): nothing scans the design's compute for known vulnerabilities.",
    )


RULE = graph_rule(META, check, reads={"inspector": {"enabled"}}, flows=False)
