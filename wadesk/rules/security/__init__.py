"""Rules of the security pillar."""

from __future__ import annotations

from wadesk.rules.base import Rule
from wadesk.rules.security import db_in_public_subnet

RULES: tuple[Rule, ...] = (db_in_public_subnet.RULE,)
