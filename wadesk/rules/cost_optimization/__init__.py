"""Rules of the cost optimization pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.cost_optimization import (
    ebs_gp2,
    ecr_no_lifecycle,
    idle_load_balancer,
    log_retention_forever,
    nat_for_aws_services,
    no_autoscaling,
    s3_no_lifecycle,
    steady_on_demand,
    unattached_volume,
    unused_security_group,
)

RULES: tuple[Rule, ...] = (
    nat_for_aws_services.RULE,
    idle_load_balancer.RULE,
    unattached_volume.RULE,
    unused_security_group.RULE,
    steady_on_demand.RULE,
    no_autoscaling.RULE,
    s3_no_lifecycle.RULE,
    log_retention_forever.RULE,
    ebs_gp2.RULE,
    ecr_no_lifecycle.RULE,
)
