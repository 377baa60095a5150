"""Rules of the reliability pillar."""

from __future__ import annotations

from wadesk.rules.pillar import rules_on_first_use

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "single_point_of_failure",
    "single_az_tier",
    "single_nat",
    "asg_single_az",
    "lb_single_az",
    "no_backup",
    "asg_ec2_health_check",
    "async_no_dlq",
    "queue_no_dlq",
    "lambda_unbounded_concurrency",
    "rds_single_az",
    "db_no_automated_backup",
    "db_no_deletion_protection",
    "dynamodb_no_pitr",
    "dynamodb_no_autoscaling",
    "kinesis_fixed_shards",
    "cache_no_failover",
    "cache_no_snapshots",
    "s3_no_versioning",
    "efs_one_zone",
    "opensearch_not_resilient",
    "asg_single_instance",
    "ecs_single_task",
    "beanstalk_single_instance",
    "mq_single_instance",
    "cloudfront_no_origin_failover",
    "single_private_link",
    "apigw_no_throttling",
    "eks_single_node",
    "vpn_single_tunnel",
    "backup_one_region",
    "fsx_single_az",
    "redshift_single_node",
    "emr_single_node",
    "msk_few_brokers",
    "dms_single_az",
    "lb_no_deletion_protection",
    "dns_failover_unchecked",
)

#: ``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use.
__getattr__ = rules_on_first_use(__name__, MODULES)
