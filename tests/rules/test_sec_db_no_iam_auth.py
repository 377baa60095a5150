"""SEC-DB-NO-IAM-AUTH: database does not use IAM authentication."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.db_no_iam_auth import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_password_only_databases_are_reported() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora", None, {"engine": "aurora-mysql"})])
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_iam_auth_passes() -> None:
    assert hits(RULE, design([("db", "rds", None, {"iam_auth": True})])) == set()


def test_engines_without_iam_auth_pass() -> None:
    arch = design([("a", "rds", None, {"engine": "sqlserver-se"}), ("b", "rds", None, {"engine": "oracle-ee"})])
    assert hits(RULE, arch) == set()


def test_neptune_is_judged_too() -> None:
    arch = design([("graph", "neptune"), ("graph-iam", "neptune", None, {"iam_auth": True}), ("docs", "documentdb")])
    assert hits(RULE, arch) == {key(RULE, "graph")}
