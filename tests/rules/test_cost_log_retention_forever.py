"""COST-LOG-RETENTION-FOREVER: CloudWatch logs with no retention period."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.log_retention_forever import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_default_retention_is_reported() -> None:
    assert hits(RULE, design([("cw", "cloudwatch")])) == {key(RULE, "cw")}


def test_set_retention_passes() -> None:
    assert hits(RULE, design([("cw", "cloudwatch", None, {"log_retention_days": 90})])) == set()


def test_a_cloudwatch_node_of_metrics_and_alarms_only_keeps_no_logs() -> None:
    arch = design([("alarms", "cloudwatch", None, {"holds_logs": False})])
    assert hits(RULE, arch) == set()
