"""Rules of the performance efficiency pillar."""

from __future__ import annotations

from typing import Any

from wadesk.rules.pillar import pillar_rules

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


def __getattr__(name: str) -> Any:
    """``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use."""
    if name == "RULES":
        rules = pillar_rules(__name__, MODULES)
        globals()["RULES"] = rules
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
