"""No rule ever fails, whatever the design: random designs of every kind, property and flow."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from test_fileformat_properties import designs

from wadesk.analysis.engine import analyse
from wadesk.model import Architecture


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs())
def test_no_rule_fails_on_a_random_design(arch: Architecture) -> None:
    failures = [f.message for f in analyse(arch).findings if f.error]
    assert failures == []
