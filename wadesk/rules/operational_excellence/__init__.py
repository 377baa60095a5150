"""Rules of the operational excellence pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.operational_excellence import (
    alarms_not_routed,
    apigw_access_logs,
    beanstalk_enhanced_health,
    beanstalk_managed_updates,
    cloudfront_access_logs,
    ec2_not_managed,
    ecs_container_insights,
    eks_control_plane_logs,
    lb_access_logs,
    no_tracing,
    not_monitored,
    sfn_logging,
    waf_logging,
)

RULES: tuple[Rule, ...] = (
    not_monitored.RULE,
    alarms_not_routed.RULE,
    no_tracing.RULE,
    ec2_not_managed.RULE,
    lb_access_logs.RULE,
    apigw_access_logs.RULE,
    cloudfront_access_logs.RULE,
    ecs_container_insights.RULE,
    beanstalk_enhanced_health.RULE,
    beanstalk_managed_updates.RULE,
    eks_control_plane_logs.RULE,
    sfn_logging.RULE,
    waf_logging.RULE,
)
