"""A CloudTrail trail that delivers its events to S3 only, not to CloudWatch Logs."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDTRAIL-NO-CLOUDWATCH",
    title="CloudTrail events do not reach CloudWatch Logs",
    pillar="security",
    severity="low",
    wa_bp="SEC04-BP02",
    rationale=(
        "Events that only land in an S3 bucket can be searched after the fact but raise no alarm: a root "
        "sign-in, a change to a security group or a disabled trail is noticed only when someone reads the logs."
    ),
    remediation=(
        "Set cloudwatch_logs to true (a log group and a role for the trail to write to it) and draw a flow from "
        "the trail to a cloudwatch node, then add metric filters and alarms for the events that matter."
    ),
    securityhub=("CloudTrail.5",),
    checkov=("CKV2_AWS_10",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every trail with cloudwatch_logs false and no flow to CloudWatch (SPEC 3b: X -> cloudwatch)."""
    for trail in ctx.subjects("cloudtrail"):
        if ctx.prop(trail, "cloudwatch_logs") or ctx.sends_to(trail, "cloudwatch"):
            continue
        yield Hit(trail, f"{ctx.label(trail)} delivers its events to S3 only (cloudwatch_logs is false).")


RULE = graph_rule(META, check, reads={"cloudtrail": {"cloudwatch_logs"}}, flows="ends")
