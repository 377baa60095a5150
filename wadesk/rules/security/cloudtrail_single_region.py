"""CloudTrail trails that record only their home Region."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDTRAIL-SINGLE-REGION",
    title="CloudTrail records only one Region",
    pillar="security",
    severity="high",
    wa_bp="SEC04-BP01",
    rationale=(
        "A single-Region trail misses API calls made in every other Region, which is exactly where an "
        "intruder with stolen credentials would start resources unnoticed."
    ),
    remediation="Set multi_region to true on the trail so one trail records API activity from every Region.",
    securityhub=("CloudTrail.1",),
    checkov=("CKV_AWS_67",),
    partial=("CloudTrail.1",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report single-Region trails when no trail in the design is multi-Region."""
    trails = ctx.nodes("cloudtrail")
    if any(ctx.prop(t, "multi_region") for t in trails):
        return
    for trail in trails:
        yield Hit(trail, f"{ctx.label(trail)} records API calls in one Region only (multi_region is false).")


RULE = graph_rule(META, check, reads={"cloudtrail": {"multi_region"}}, flows="none")
