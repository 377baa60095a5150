"""REL-DYNAMODB-NO-AUTOSCALING: a provisioned DynamoDB table without auto scaling."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.dynamodb_no_autoscaling import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("table", "dynamodb", None, {"billing_mode": "PROVISIONED"})])
    assert hits(RULE, arch) == {key(RULE, "table")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [("t1", "dynamodb", None, {"autoscaling": True}), ("t2", "dynamodb", None, {"billing_mode": "PAY_PER_REQUEST"})]
    )
    assert hits(RULE, arch) == set()
