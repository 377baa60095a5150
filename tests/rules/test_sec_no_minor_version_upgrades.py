"""SEC-NO-MINOR-VERSION-UPGRADES: automatic minor engine upgrades switched off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.no_minor_version_upgrades import RULE

OFF = {"auto_minor_version_upgrade": False}


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_upgrades_off_are_reported_on_each_kind() -> None:
    arch = design(
        [
            ("db", "rds", None, OFF),
            ("cluster", "aurora", None, OFF),
            ("cache", "elasticache", None, OFF),
            ("broker", "mq", None, OFF),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cluster"), key(RULE, "cache"), key(RULE, "broker")}


def test_default_upgrades_on_pass() -> None:
    arch = design([("db", "rds"), ("cluster", "aurora"), ("cache", "elasticache"), ("broker", "mq")])
    assert hits(RULE, arch) == set()


def test_replication_instance_without_upgrades_is_reported() -> None:
    arch = design([("dms", "dms", None, {"auto_minor_version_upgrade": False}), ("patched", "dms")])
    assert hits(RULE, arch) == {key(RULE, "dms")}
