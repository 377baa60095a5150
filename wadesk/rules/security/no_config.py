"""A design with AWS resources and no AWS Config recorder."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import missing_account_service

META = RuleMeta(
    id="SEC-NO-CONFIG",
    title="No AWS Config recorder tracks resource configuration",
    pillar="security",
    severity="high",
    wa_bp="SEC04-BP01",
    rationale=(
        "AWS Config keeps the configuration history of every resource and evaluates it against rules, so "
        "a security group opened to the world or a bucket made public is noticed and can be remediated. "
        "Without a recorder, drift from the intended design goes unseen."
    ),
    remediation=(
        "Add a config node (one covers the whole account) that records all resource types, and deploy "
        "managed rules or a conformance pack for the controls that matter to the workload."
    ),
    securityhub=("Config.1",),
    checkov=("CKV_AWS_121", "CKV2_AWS_45"),
    partial=("CKV_AWS_121", "CKV2_AWS_45"),
    assumption="The account records resource configuration with AWS Config (for example as part of a landing zone).",
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report the design when it has AWS resources but no config node anywhere."""
    yield from missing_account_service(
        ctx,
        ctx.nodes("config"),
        "The design has AWS resources but no AWS Config recorder tracking their configuration.",
    )


RULE = graph_rule(META, check, flows=False)
