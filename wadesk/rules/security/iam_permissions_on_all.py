"""An IAM role allowed to grant, change or take on permissions for every resource (iam:PassRole on "*"...)."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta
from wadesk.rules.security.iam_over_broad import over_broad_rule

META = RuleMeta(
    id="SEC-IAM-PERMISSIONS-ON-ALL",
    title="IAM role can change or take on permissions on every resource",
    pillar="security",
    severity="high",
    wa_bp="SEC03-BP02",
    rationale=(
        "iam:PassRole, iam:Put*Policy, iam:Attach*Policy, iam:CreatePolicyVersion or sts:AssumeRole on "
        'Resource "*", or a resource-policy action such as s3:PutBucketPolicy on every bucket, let whoever '
        "controls the workload give itself, or anyone outside, more access than it was granted: a path to "
        "administrator."
    ),
    remediation=(
        "Name the roles it may pass or assume and the resources whose policies it may change (with "
        "iam:PassedToService or resource-tag conditions where a list is impractical), or move permission "
        "management out of the workload's role; then clear permissions_on_all."
    ),
    checkov=("CKV_AWS_109", "CKV_AWS_110"),
    partial=("CKV_AWS_109", "CKV_AWS_110"),
)

RULE = over_broad_rule(META, "permissions_on_all", "grant, change or take on permissions")
