"""REL-NO-BACKUP: a data store that no backup plan covers and that keeps no backups itself."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.no_backup import RULE

UNPROTECTED = [
    ("db", "rds", None, {"backup_retention_days": 0}),
    ("cluster", "aurora", None, {"backup_retention_days": 0}),
    ("table", "dynamodb"),
    ("files", "efs"),
    ("share", "fsx", None, {"backup_retention_days": 0}),
    ("dw", "redshift", None, {"snapshot_retention_days": 0}),
    ("vol", "ebs"),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_stores_without_any_backup_are_reported() -> None:
    arch = design([*UNPROTECTED, ("bucket", "s3"), ("cache", "elasticache")])
    assert hits(RULE, arch) == {key(RULE, n[0]) for n in UNPROTECTED}


def test_backup_plan_covers_the_stores() -> None:
    edges = [("plan", n[0]) for n in UNPROTECTED if n[0] != "table"] + [("table", "plan")]
    assert hits(RULE, design([*UNPROTECTED, ("plan", "backup")], edges)) == set()


def test_own_automated_backups_pass() -> None:
    arch = design(
        [
            ("db", "rds"),
            ("table", "dynamodb", None, {"point_in_time_recovery": True}),
            ("files", "efs", None, {"backup": True}),
            ("share", "fsx"),
            ("dw", "redshift"),
            ("docs", "documentdb"),
            ("graph", "neptune"),
        ]
    )
    assert hits(RULE, arch) == set()


def test_volume_of_a_backed_up_instance_passes() -> None:
    arch = design(
        [("plan", "backup"), ("vm", "ec2"), ("vol", "ebs"), ("other", "ebs")],
        [("plan", "vm"), ("vm", "vol")],
    )
    assert hits(RULE, arch) == {key(RULE, "other")}
