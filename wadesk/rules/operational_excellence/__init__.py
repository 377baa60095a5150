"""Rules of the operational excellence pillar."""

from __future__ import annotations

from wadesk.rules.pillar import rules_on_first_use

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "not_monitored",
    "alarms_not_routed",
    "no_tracing",
    "ec2_not_managed",
    "lb_access_logs",
    "apigw_access_logs",
    "cloudfront_access_logs",
    "ecs_container_insights",
    "beanstalk_enhanced_health",
    "beanstalk_managed_updates",
    "eks_control_plane_logs",
    "sfn_logging",
    "waf_logging",
)

#: ``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use.
__getattr__ = rules_on_first_use(__name__, MODULES)
