"""REL-BACKUP-ONE-REGION: recovery points kept in one Region."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.backup_one_region import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_plan_without_copies_is_reported() -> None:
    arch = design([("plan", "backup"), ("db", "rds")], [("plan", "db")])
    assert hits(RULE, arch) == {key(RULE, "plan")}


def test_plan_with_cross_region_copies_passes() -> None:
    arch = design([("plan", "backup", None, {"cross_region_copy": True}), ("db", "rds")], [("plan", "db")])
    assert hits(RULE, arch) == set()


def test_stores_with_their_own_replica_count_as_copied() -> None:
    arch = design(
        [
            ("plan", "backup"),
            ("bucket", "s3", None, {"replication": True}),
            ("table", "dynamodb", None, {"global_table": True}),
        ],
        [("plan", "bucket"), ("plan", "table")],
    )
    assert hits(RULE, arch) == set()
    arch = design(
        [("plan", "backup"), ("bucket", "s3", None, {"replication": True}), ("table", "dynamodb")],
        [("plan", "bucket"), ("table", "plan")],
    )
    assert hits(RULE, arch) == {key(RULE, "plan")}


def test_plan_covering_nothing_drawn_passes() -> None:
    assert hits(RULE, design([("plan", "backup"), ("web", "ec2")], [("plan", "web")])) == set()
