"""PERF-DB-PREVIOUS-GEN: a database of a previous-generation instance class."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.db_previous_gen import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_previous_generation_classes_are_reported() -> None:
    arch = design(
        [
            ("db", "rds", None, {"instance_class": "db.m4.large"}),
            ("cluster", "aurora", None, {"instance_class": "db.r4.xlarge"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_current_classes_pass() -> None:
    arch = design(
        [
            ("db", "rds"),
            ("cluster", "aurora"),
            ("serverless", "aurora", None, {"instance_class": "db.serverless"}),
            ("odd", "rds", None, {"instance_class": "m4.large"}),
        ]
    )
    assert hits(RULE, arch) == set()


def test_previous_generation_warehouse_nodes_are_reported() -> None:
    arch = design(
        [
            ("dense", "redshift", None, {"node_type": "ds2.xlarge"}),
            ("old", "redshift", None, {"node_type": "dc1.large"}),
            ("current", "redshift", None, {"node_type": "dc2.large"}),
            ("ra3", "redshift"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "dense"), key(RULE, "old")}
