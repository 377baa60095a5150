"""What a pillar package holds: the names of its rule modules, imported only when their rules are asked for.

Each pillar package (``wadesk.rules.security`` and the others) lists its rule modules by name, in the order reports
list them, as ``MODULES``; ``RULES`` (every rule of the pillar) imports them on first use. So a check can import
the node rules of the kinds its design has and leave the others unread (:mod:`wadesk.rules.by_kind`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wadesk.rules.base import Rule


def rule_of(pillar: str, module: str) -> Rule:
    """The rule that module ``module`` of pillar package ``pillar`` (``"wadesk.rules.security"``) defines."""
    rule: Rule = importlib.import_module(f"{pillar}.{module}").RULE
    return rule


def pillar_rules(pillar: str, modules: tuple[str, ...]) -> tuple[Rule, ...]:
    """Every rule of a pillar package, in the order of ``modules``."""
    return tuple(rule_of(pillar, module) for module in modules)


def rules_on_first_use(pillar: str, modules: tuple[str, ...]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of a pillar package: ``RULES`` imports every rule of ``modules`` on first use and
    is kept in the package from then on; any other missing name is an ``AttributeError``."""

    def __getattr__(name: str) -> Any:
        if name == "RULES":
            rules = pillar_rules(pillar, modules)
            vars(sys.modules[pillar])["RULES"] = rules
            return rules
        raise AttributeError(f"module {pillar!r} has no attribute {name!r}")

    return __getattr__
