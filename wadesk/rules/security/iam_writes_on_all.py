"""An IAM role allowed write actions on every resource (dynamodb:PutItem, sqs:SendMessage on "*"...)."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta
from wadesk.rules.security.iam_over_broad import over_broad_rule

META = RuleMeta(
    id="SEC-IAM-WRITES-ON-ALL",
    title="IAM role can write to every resource",
    pillar="security",
    severity="low",
    wa_bp="SEC03-BP02",
    rationale=(
        'Write actions on Resource "*" let the workload change or delete any resource of those types in the '
        "account, so a bug or a compromise reaches far beyond the resources it was built for."
    ),
    remediation=(
        "Scope each write action to the ARNs of the resources the workload writes to; then clear writes_on_all."
    ),
    checkov=("CKV_AWS_111",),
    partial=("CKV_AWS_111",),
)

RULE = over_broad_rule(META, "writes_on_all", "write")
