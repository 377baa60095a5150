"""The explicit list of every rule the analysis runs (no discovery magic)."""

from __future__ import annotations

from wadesk.rules import (
    cost_optimization,
    operational_excellence,
    performance_efficiency,
    reliability,
    security,
    sustainability,
)
from wadesk.rules.base import Rule

#: Every rule, pillar by pillar, in the order reports list them.
ALL_RULES: tuple[Rule, ...] = (
    *operational_excellence.RULES,
    *security.RULES,
    *reliability.RULES,
    *performance_efficiency.RULES,
    *cost_optimization.RULES,
    *sustainability.RULES,
)


def rule_by_id(rule_id: str) -> Rule | None:
    """The rule with this id, if any."""
    for rule in ALL_RULES:
        if rule.id == rule_id:
            return rule
    return None
