"""REL-DB-NO-AUTOMATED-BACKUP: a database with automated backups off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.db_no_automated_backup import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design(
        [("db", "rds", None, {"backup_retention_days": 0}), ("cluster", "aurora", None, {"backup_retention_days": 0})]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster")}


def test_configured_nodes_pass() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora", None, {"backup_retention_days": 14}), ("table", "dynamodb")])
    assert hits(RULE, arch) == set()
