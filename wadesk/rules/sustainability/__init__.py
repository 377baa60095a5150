"""Rules of the sustainability pillar."""

from __future__ import annotations

from typing import Any

from wadesk.rules.pillar import pillar_rules

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "self_managed_service",
    "no_autoscaling",
    "overprovisioned_asg",
    "ec2_not_graviton",
    "lambda_x86",
    "container_x86",
    "efs_no_lifecycle",
    "kinesis_long_retention",
)


def __getattr__(name: str) -> Any:
    """``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use."""
    if name == "RULES":
        rules = pillar_rules(__name__, MODULES)
        globals()["RULES"] = rules
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
