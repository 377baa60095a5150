"""A design with AWS resources and no enabled GuardDuty detector."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import has_aws_resources, missing_account_service

META = RuleMeta(
    id="SEC-NO-GUARDDUTY",
    title="No GuardDuty threat detection",
    pillar="security",
    severity="high",
    wa_bp="SEC04-BP01",
    rationale=(
        "GuardDuty watches CloudTrail, VPC flow logs and DNS queries for signs of compromise such as "
        "credential misuse, crypto-mining or calls to known malicious hosts. Without it, an intrusion is "
        "found only when its damage shows."
    ),
    remediation=(
        "Add a guardduty node with enabled set to true (one detector covers the account in its Region) and "
        "send its findings to Security Hub or an alerting topic."
    ),
    securityhub=("GuardDuty.1",),
    checkov=("CKV_AWS_238", "CKV2_AWS_3"),
    partial=("CKV_AWS_238", "CKV2_AWS_3"),
    assumption=(
        "GuardDuty is enabled in the account and Region (for example by a delegated administrator for the "
        "organization)."
    ),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report the design when it has AWS resources but no enabled guardduty node anywhere.

    A detector drawn disabled is what the drawing says, whatever the design's scope: the finding is on
    that detector. With none drawn, the finding is about the design (an assumption for a workload).
    """
    detectors = ctx.nodes("guardduty")
    enabled = [n for n in detectors if ctx.prop(n, "enabled", True)]
    if detectors and not enabled:
        if has_aws_resources(ctx):
            for detector in detectors:
                yield Hit(
                    detector,
                    f"{ctx.label(detector)} is disabled (enabled is false): no GuardDuty detector watches for threats.",
                )
        return
    yield from missing_account_service(
        ctx, enabled, "The design has AWS resources but no GuardDuty detector watching for threats."
    )


RULE = graph_rule(META, check, reads={"guardduty": {"enabled"}}, flows=False)
