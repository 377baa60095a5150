"""REL-DB-SINGLE-AZ: a database with no standby in a second AZ."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.rds_single_az import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_az_rds_is_reported_on_the_database() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora", None, {"multi_az": False})])
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_multi_az_database_passes() -> None:
    arch = design([("db", "rds", None, {"multi_az": True}), ("table", "dynamodb")])
    assert hits(RULE, arch) == set()


def test_document_and_graph_clusters_of_one_instance_are_reported() -> None:
    arch = design(
        [
            ("docs", "documentdb"),
            ("graph", "neptune", None, {"instances": 1}),
            ("docs-ha", "documentdb", None, {"instances": 2}),
            ("graph-ha", "neptune", None, {"instances": 3}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "docs"), key(RULE, "graph")}
