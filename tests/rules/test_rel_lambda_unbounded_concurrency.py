"""REL-LAMBDA-UNBOUNDED-CONCURRENCY: an unbounded Lambda function connecting to a relational database."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.lambda_unbounded_concurrency import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unbounded_function_writing_to_database_is_reported() -> None:
    arch = design([("fn", "lambda"), ("db", "aurora")], [("fn", "db")])
    assert hits(RULE, arch) == {key(RULE, "fn")}


def test_reserved_concurrency_passes() -> None:
    arch = design([("fn", "lambda", None, {"reserved_concurrency": 20}), ("db", "rds")], [("fn", "db")])
    assert hits(RULE, arch) == set()


def test_serverless_store_or_reverse_flow_passes() -> None:
    arch = design(
        [("fn", "lambda"), ("table", "dynamodb"), ("db", "rds"), ("trigger", "lambda")],
        [("fn", "table"), ("db", "trigger")],
    )
    assert hits(RULE, arch) == set()
