"""PERF-DB-ENHANCED-MONITORING: RDS and Aurora instances that send no operating-system metrics."""

from __future__ import annotations

import pytest
from designkit import design, hits, key

from wadesk.rules.performance_efficiency.db_enhanced_monitoring import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


@pytest.mark.parametrize("kind", ["rds", "aurora"])
def test_the_aws_default_is_reported(kind: str) -> None:
    assert hits(RULE, design([("db", kind)])) == {key(RULE, "db")}


@pytest.mark.parametrize("interval", [1, 5, 60])
def test_any_interval_passes(interval: int) -> None:
    assert hits(RULE, design([("db", "rds", None, {"monitoring_interval": interval})])) == set()


def test_other_databases_are_not_judged() -> None:
    assert hits(RULE, design([("a", "dynamodb"), ("b", "documentdb"), ("c", "redshift")])) == set()
