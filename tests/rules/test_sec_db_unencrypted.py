"""SEC-DB-UNENCRYPTED: database storage is not encrypted."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.db_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_databases_are_reported() -> None:
    arch = design(
        [
            ("db", "rds"),
            ("docs", "documentdb"),
            ("graph", "neptune", None, {"storage_encrypted": False}),
            ("dw", "redshift", None, {"encrypted": False}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "docs"), key(RULE, "graph"), key(RULE, "dw")}


def test_encrypted_databases_pass() -> None:
    arch = design(
        [
            ("db", "rds", None, {"storage_encrypted": True}),
            ("cluster", "aurora", None, {"storage_encrypted": True}),
            ("dw", "redshift"),
            ("table", "dynamodb"),
        ]
    )
    assert hits(RULE, arch) == set()
