"""PERF-DB-PERFORMANCE-INSIGHTS: a database with Performance Insights off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.db_performance_insights import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_databases_without_performance_insights_are_reported() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora"), ("table", "dynamodb")])
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_database_with_performance_insights_passes() -> None:
    assert hits(RULE, design([("db", "rds", None, {"performance_insights": True})])) == set()


def test_small_mysql_class_without_support_passes() -> None:
    arch = design([("db", "rds", None, {"engine": "mysql", "instance_class": "db.t3.micro"})])
    assert hits(RULE, arch) == set()
