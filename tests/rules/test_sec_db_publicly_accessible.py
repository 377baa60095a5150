"""SEC-DB-PUBLICLY-ACCESSIBLE: database is publicly accessible."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.db_publicly_accessible import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_databases_are_reported() -> None:
    arch = design(
        [
            ("db", "rds", None, {"publicly_accessible": True}),
            ("cluster", "aurora", None, {"publicly_accessible": True}),
            ("dw", "redshift", None, {"publicly_accessible": True}),
            ("private", "rds"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster"), key(RULE, "dw")}


def test_private_databases_pass() -> None:
    arch = design([("db", "rds", None, {"publicly_accessible": False}), ("dw", "redshift"), ("t", "dynamodb")])
    assert hits(RULE, arch) == set()
