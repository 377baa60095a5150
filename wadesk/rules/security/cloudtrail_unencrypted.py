"""A CloudTrail trail whose log files are not encrypted with a KMS key."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDTRAIL-UNENCRYPTED",
    title="CloudTrail logs are not encrypted with KMS",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "The trail's log files describe every API call in the account; with only default bucket encryption, "
        "anyone allowed to read the log bucket can read them, and there is no separate key policy or key "
        "usage record guarding that history."
    ),
    remediation=(
        "Set kms_encryption to true on the trail and draw a flow from it to a kms node holding a "
        "customer-managed key whose policy lets only the trail encrypt and only auditors decrypt."
    ),
    securityhub=("CloudTrail.2",),
    checkov=("CKV_AWS_35",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every trail with kms_encryption false and no flow to or from a kms node (SPEC 3b)."""
    for trail in ctx.subjects("cloudtrail"):
        if ctx.prop(trail, "kms_encryption"):
            continue
        if any(ctx.kind(other) == "kms" for other in ctx.neighbours(trail)):
            continue  # X -> kms: the drawing says X encrypts with a customer-managed key
        yield Hit(trail, f"{ctx.label(trail)} writes its log files without a KMS key (kms_encryption is false).")


RULE = graph_rule(META, check, reads={"cloudtrail": {"kms_encryption"}}, flows="ends")
