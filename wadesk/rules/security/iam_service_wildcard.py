"""An IAM role allowed a whole service's actions on every resource (such as s3:* on "*")."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta
from wadesk.rules.security.iam_over_broad import over_broad_rule

META = RuleMeta(
    id="SEC-IAM-SERVICE-WILDCARD",
    title="IAM role allows every action of a service on every resource",
    pillar="security",
    severity="medium",
    wa_bp="SEC03-BP02",
    rationale=(
        'A statement such as s3:* or dynamodb:* on Resource "*" lets the workload, or whoever takes over it, '
        "read, change, delete and re-permission every bucket or table in the account, not only the ones it uses."
    ),
    remediation=(
        "List the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail activity) "
        "and the ARNs of the resources it uses, or replace a FullAccess managed policy with a scoped one; then "
        "clear service_wildcards."
    ),
    checkov=("CKV_AWS_111", "CKV_AWS_109"),
    partial=("CKV_AWS_111", "CKV_AWS_109"),
)

RULE = over_broad_rule(META, "service_wildcards", "perform every action of a service")
