"""Rules of the reliability pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.reliability import (
    asg_ec2_health_check,
    asg_single_az,
    asg_single_instance,
    async_no_dlq,
    beanstalk_single_instance,
    cache_no_failover,
    cache_no_snapshots,
    cloudfront_no_origin_failover,
    db_no_automated_backup,
    db_no_deletion_protection,
    dynamodb_no_autoscaling,
    dynamodb_no_pitr,
    ecs_single_task,
    efs_one_zone,
    lambda_unbounded_concurrency,
    lb_single_az,
    mq_single_instance,
    no_backup,
    opensearch_not_resilient,
    queue_no_dlq,
    rds_single_az,
    s3_no_versioning,
    single_az_tier,
    single_nat,
    single_point_of_failure,
    single_private_link,
)

RULES: tuple[Rule, ...] = (
    # Graph rules: placement, flows and coverage.
    single_point_of_failure.RULE,
    single_az_tier.RULE,
    single_nat.RULE,
    asg_single_az.RULE,
    lb_single_az.RULE,
    no_backup.RULE,
    asg_ec2_health_check.RULE,
    async_no_dlq.RULE,
    queue_no_dlq.RULE,
    lambda_unbounded_concurrency.RULE,
    # Node rules: one component's own settings.
    rds_single_az.RULE,
    db_no_automated_backup.RULE,
    db_no_deletion_protection.RULE,
    dynamodb_no_pitr.RULE,
    dynamodb_no_autoscaling.RULE,
    cache_no_failover.RULE,
    cache_no_snapshots.RULE,
    s3_no_versioning.RULE,
    efs_one_zone.RULE,
    opensearch_not_resilient.RULE,
    asg_single_instance.RULE,
    ecs_single_task.RULE,
    beanstalk_single_instance.RULE,
    mq_single_instance.RULE,
    cloudfront_no_origin_failover.RULE,
    single_private_link.RULE,
)
