"""Rules of the sustainability pillar."""

from __future__ import annotations

from wadesk.rules.pillar import rules_on_first_use

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

#: ``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use.
__getattr__ = rules_on_first_use(__name__, MODULES)
