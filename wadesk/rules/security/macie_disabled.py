"""Amazon Macie drawn disabled while the design holds S3 buckets."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._detectors import disabled_services

META = RuleMeta(
    id="SEC-MACIE-DISABLED",
    title="Amazon Macie is disabled",
    pillar="security",
    severity="low",
    wa_bp="SEC07-BP03",
    rationale=(
        "Macie finds personal and other sensitive data in S3 buckets and buckets that are public or shared. "
        "Paused, data that lands in the wrong bucket stays unclassified, and the protections it would need are "
        "never applied."
    ),
    remediation=(
        "Set enabled to true on the macie node (the Macie session Status ENABLED) and run automated sensitive "
        "data discovery over the buckets that may hold such data."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report macie nodes drawn with enabled false, none enabled, in a design with S3 buckets."""
    yield from disabled_services(
        ctx,
        "macie",
        frozenset({"s3"}),
        "is disabled (enabled is false): no one discovers sensitive data in the buckets.",
    )


RULE = graph_rule(META, check, reads={"macie": {"enabled"}}, flows=False)
