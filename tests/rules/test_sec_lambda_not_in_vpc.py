"""SEC-LAMBDA-NOT-IN-VPC: a Lambda function outside the VPC reaches VPC resources."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.lambda_not_in_vpc import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_function_outside_the_vpc_calling_a_database_is_reported() -> None:
    arch = design(
        [("vpc", "vpc"), ("priv", "subnet", "vpc"), ("db", "rds", "priv"), ("fn", "lambda"), ("fn2", "lambda")],
        [("fn", "db"), ("fn2", "db")],
    )
    arch.set_property("fn2", "in_vpc", False)
    assert hits(RULE, arch) == {key(RULE, "fn"), key(RULE, "fn2")}


def test_function_in_the_vpc_passes() -> None:
    arch = design(
        [("vpc", "vpc"), ("priv", "subnet", "vpc"), ("db", "rds", "priv"), ("a", "lambda", "priv"), ("b", "lambda")],
        [("a", "db"), ("b", "db")],
    )
    arch.set_property("b", "in_vpc", True)
    assert hits(RULE, arch) == set()


def test_function_calling_regional_services_passes() -> None:
    arch = design(
        [("fn", "lambda"), ("t", "dynamodb"), ("s", "s3"), ("q", "sqs"), ("search", "opensearch")],
        [("fn", "t"), ("fn", "s"), ("fn", "q"), ("fn", "search")],
    )
    assert hits(RULE, arch) == set()
