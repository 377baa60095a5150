"""Rules of the cost optimization pillar."""

from __future__ import annotations

from wadesk.rules.pillar import rules_on_first_use

#: The pillar's rule modules, in the order reports list their rules; each defines ``RULE``. They are imported
#: when ``RULES`` is first read (or one by one, by :mod:`wadesk.rules.by_kind`).
MODULES: tuple[str, ...] = (
    "nat_for_aws_services",
    "idle_load_balancer",
    "unattached_volume",
    "unused_security_group",
    "steady_on_demand",
    "no_autoscaling",
    "s3_no_lifecycle",
    "log_retention_forever",
    "ebs_gp2",
    "ecr_no_lifecycle",
)

#: ``RULES``: every rule of the pillar (a tuple of :data:`wadesk.rules.base.Rule`), imported on first use.
__getattr__ = rules_on_first_use(__name__, MODULES)
