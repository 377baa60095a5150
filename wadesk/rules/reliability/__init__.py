"""Rules of the reliability pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.reliability import rds_single_az

RULES: tuple[Rule, ...] = (rds_single_az.RULE,)
