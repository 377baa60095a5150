"""Rules of the sustainability pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.sustainability import (
    container_x86,
    ec2_not_graviton,
    efs_no_lifecycle,
    kinesis_long_retention,
    lambda_x86,
    no_autoscaling,
    overprovisioned_asg,
    self_managed_service,
)

RULES: tuple[Rule, ...] = (
    self_managed_service.RULE,
    no_autoscaling.RULE,
    overprovisioned_asg.RULE,
    ec2_not_graviton.RULE,
    lambda_x86.RULE,
    container_x86.RULE,
    efs_no_lifecycle.RULE,
    kinesis_long_retention.RULE,
)
