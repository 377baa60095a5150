"""Rules of the performance efficiency pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.performance_efficiency import (
    db_enhanced_monitoring,
    db_no_cache,
    db_performance_insights,
    db_previous_gen,
    ec2_detailed_monitoring,
    ec2_previous_gen,
    fixed_throughput,
    lambda_low_memory,
    no_autoscaling,
    no_load_balancer,
    s3_no_cdn,
)

RULES: tuple[Rule, ...] = (
    s3_no_cdn.RULE,
    db_no_cache.RULE,
    no_load_balancer.RULE,
    no_autoscaling.RULE,
    fixed_throughput.RULE,
    ec2_previous_gen.RULE,
    db_previous_gen.RULE,
    ec2_detailed_monitoring.RULE,
    db_performance_insights.RULE,
    db_enhanced_monitoring.RULE,
    lambda_low_memory.RULE,
)
