"""Rules of the performance efficiency pillar."""

from __future__ import annotations

from wadesk.rules.pillar import rules_on_first_use

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "s3_no_cdn",
    "db_no_cache",
    "no_load_balancer",
    "no_autoscaling",
    "fixed_throughput",
    "ec2_previous_gen",
    "db_previous_gen",
    "ec2_detailed_monitoring",
    "db_performance_insights",
    "db_enhanced_monitoring",
    "lambda_low_memory",
)

#: ``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use.
__getattr__ = rules_on_first_use(__name__, MODULES)
