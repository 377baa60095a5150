"""REL-DYNAMODB-NO-PITR: a DynamoDB table without point-in-time recovery."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.dynamodb_no_pitr import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("table", "dynamodb")])
    assert hits(RULE, arch) == {key(RULE, "table")}


def test_configured_nodes_pass() -> None:
    arch = design([("table", "dynamodb", None, {"point_in_time_recovery": True}), ("db", "rds")])
    assert hits(RULE, arch) == set()
