"""Rules of the operational excellence pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule

RULES: tuple[Rule, ...] = ()
