"""An IAM role allowed to read stored data or secrets everywhere (s3:GetObject, GetSecretValue on "*")."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta
from wadesk.rules.security.iam_over_broad import over_broad_rule

META = RuleMeta(
    id="SEC-IAM-DATA-READS-ON-ALL",
    title="IAM role can read data or secrets of every resource",
    pillar="security",
    severity="medium",
    wa_bp="SEC03-BP02",
    rationale=(
        's3:GetObject, ssm:GetParameter* or secretsmanager:GetSecretValue on Resource "*" let a compromised '
        "workload read every object, parameter and secret in the account, not only its own: the usual path of "
        "data exfiltration."
    ),
    remediation=(
        "Scope the reads to the buckets, parameter paths and secrets the workload uses; then clear data_reads_on_all."
    ),
    checkov=("CKV_AWS_108",),
    partial=("CKV_AWS_108",),
)

RULE = over_broad_rule(META, "data_reads_on_all", "read stored data or secrets")
