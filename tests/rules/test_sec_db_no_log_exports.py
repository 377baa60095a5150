"""SEC-DB-NO-LOG-EXPORTS: a database that does not export its logs."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.db_no_log_exports import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_databases_without_log_exports_are_reported() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora"), ("table", "dynamodb")])
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_database_with_log_exports_passes() -> None:
    assert hits(RULE, design([("db", "rds", None, {"log_exports": True})])) == set()


def test_database_drawn_sending_logs_to_cloudwatch_passes() -> None:
    arch = design([("db", "aurora"), ("cw", "cloudwatch")], [("db", "cw", {}, "Logs")])
    assert hits(RULE, arch) == set()


def test_flow_to_another_node_does_not_count() -> None:
    arch = design([("db", "rds"), ("app", "ec2"), ("cw", "cloudwatch")], [("app", "db"), ("app", "cw")])
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_documentdb_without_audit_log_export_is_reported() -> None:
    arch = design(
        [
            ("docs", "documentdb"),
            ("audited", "documentdb", None, {"audit_logs": True}),
            ("drawn", "documentdb"),
            ("cw", "cloudwatch"),
        ],
        [("drawn", "cw")],
    )
    assert hits(RULE, arch) == {key(RULE, "docs")}
