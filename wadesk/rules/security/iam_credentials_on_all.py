"""An IAM role allowed actions that hand out credentials, on every resource (iam:CreateAccessKey on "*"...)."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta
from wadesk.rules.security.iam_over_broad import over_broad_rule

META = RuleMeta(
    id="SEC-IAM-CREDENTIALS-ON-ALL",
    title="IAM role can obtain credentials for every resource",
    pillar="security",
    severity="high",
    wa_bp="SEC02-BP02",
    rationale=(
        "Actions whose answer is a credential (iam:CreateAccessKey, rds-db:connect, "
        'redshift:GetClusterCredentials, ec2:GetPasswordData...) on Resource "*" let whoever controls the '
        "workload obtain keys or passwords for every user, database or instance in the account."
    ),
    remediation=(
        "Scope each such action to the user, database user, cluster or instance the workload needs, or remove "
        "it; then clear credentials_on_all."
    ),
    checkov=("CKV_AWS_107",),
    partial=("CKV_AWS_107",),
)

RULE = over_broad_rule(META, "credentials_on_all", "obtain credentials")
