"""A design with AWS resources and no CloudTrail trail."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import missing_account_service

META = RuleMeta(
    id="SEC-NO-CLOUDTRAIL",
    title="No CloudTrail trail records API activity",
    pillar="security",
    severity="high",
    wa_bp="SEC04-BP01",
    rationale=(
        "Without a trail, the record of who called which AWS API, from where and when is kept for only 90 "
        "days in the console and never reaches durable storage, so an incident cannot be investigated and "
        "changes cannot be attributed."
    ),
    remediation=(
        "Add a cloudtrail node (one covers the whole account) with multi_region and log_file_validation "
        "set to true, delivering to an encrypted S3 bucket and to CloudWatch Logs."
    ),
    securityhub=("CloudTrail.3", "CloudTrail.1"),
    checkov=(),
    partial=("CloudTrail.1",),
    assumption=(
        "The account records every API call with a CloudTrail trail (for example an organization trail set up "
        "by a landing zone)."
    ),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report the design when it has AWS resources but no cloudtrail node anywhere."""
    yield from missing_account_service(
        ctx, ctx.nodes("cloudtrail"), "The design has AWS resources but no CloudTrail trail recording API calls."
    )


RULE = graph_rule(META, check, flows=False)
