"""REL-DB-NO-DELETION-PROTECTION: a database without deletion protection."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.db_no_deletion_protection import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design(
        [("db", "rds"), ("cluster", "aurora"), ("docs", "documentdb"), ("graph", "neptune"), ("table", "dynamodb")]
    )
    assert hits(RULE, arch) == {
        key(RULE, "db"),
        key(RULE, "cluster"),
        key(RULE, "docs"),
        key(RULE, "graph"),
        key(RULE, "table"),
    }


def test_an_aurora_dsql_cluster_is_judged_and_protected_unless_told_otherwise() -> None:
    arch = design([("sql", "dsql"), ("open", "dsql", None, {"deletion_protection": False})])
    assert hits(RULE, arch) == {key(RULE, "open")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [
            ("db", "rds", None, {"deletion_protection": True}),
            ("table", "dynamodb", None, {"deletion_protection": True}),
            ("cache", "elasticache"),
        ]
    )
    assert hits(RULE, arch) == set()
