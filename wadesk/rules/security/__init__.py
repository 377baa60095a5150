"""Rules of the security pillar."""

from __future__ import annotations

from typing import Any

from wadesk.rules.pillar import pillar_rules

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "db_in_public_subnet",
    "data_exposed",
    "no_waf",
    "plaintext_crossing",
    "efs_plaintext_nfs",
    "lambda_not_in_vpc",
    "opensearch_outside_vpc",
    "cloudfront_no_oac",
    "no_cloudtrail",
    "cloudtrail_single_region",
    "no_config",
    "no_guardduty",
    "s3_public_access",
    "s3_unencrypted",
    "db_publicly_accessible",
    "db_unencrypted",
    "db_no_iam_auth",
    "db_password_in_code",
    "db_password_visible",
    "sg_open_admin",
    "sg_open_ports",
    "sg_rule_no_description",
    "ec2_public_ip",
    "ec2_imdsv1",
    "volume_unencrypted",
    "alb_http",
    "cloudfront_allow_http",
    "tls_policy_outdated",
    "alb_invalid_headers",
    "apigw_no_auth",
    "apigw_open_route",
    "messaging_unencrypted",
    "cache_unencrypted_at_rest",
    "cache_plaintext",
    "kms_no_rotation",
    "backup_vault_default_key",
    "dynamodb_default_key",
    "log_group_default_key",
    "secret_no_rotation",
    "iam_wildcard",
    "iam_permissions_on_all",
    "iam_credentials_on_all",
    "iam_service_wildcard",
    "iam_data_reads_on_all",
    "iam_writes_on_all",
    "eks_public_endpoint",
    "eks_unsupported_version",
    "eks_secrets_unencrypted",
    "lambda_deprecated_runtime",
    "redshift_no_ssl",
    "redshift_no_audit_log",
    "sagemaker_internet",
    "sagemaker_root_access",
    "emr_public_master",
    "emr_unencrypted",
    "opensearch_unencrypted",
    "opensearch_no_fgac",
    "opensearch_no_audit_logs",
    "broker_public",
    "msk_plaintext",
    "athena_results_unencrypted",
    "vpc_no_flow_logs",
    "s3_no_access_logs",
    "no_minor_version_upgrades",
    "task_public_ip",
    "subnet_auto_public_ip",
    "default_sg_in_use",
    "default_sg_unrestricted",
    "db_no_log_exports",
    "cloudtrail_unencrypted",
    "codebuild_privileged",
    "cloudtrail_no_validation",
    "cognito_no_mfa",
    "glue_unencrypted",
    "dms_public",
    "cloudtrail_no_cloudwatch",
    "config_partial_recording",
    "sagemaker_no_kms",
    "inspector_disabled",
    "macie_disabled",
    "security_hub_disabled",
    "waf_no_managed_rules",
    "cognito_no_threat_protection",
    "dns_no_query_logs",
    "ecr_mutable_tags",
    "ecr_no_scan",
)


def __getattr__(name: str) -> Any:
    """``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use."""
    if name == "RULES":
        rules = pillar_rules(__name__, MODULES)
        globals()["RULES"] = rules
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
