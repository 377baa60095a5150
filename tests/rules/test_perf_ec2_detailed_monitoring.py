"""PERF-EC2-DETAILED-MONITORING: an instance with five-minute metrics only."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.ec2_detailed_monitoring import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_instance_without_detailed_monitoring_is_reported() -> None:
    assert hits(RULE, design([("web", "ec2"), ("fn", "lambda")])) == {key(RULE, "web")}


def test_instance_with_detailed_monitoring_passes() -> None:
    assert hits(RULE, design([("web", "ec2", None, {"detailed_monitoring": True})])) == set()
