"""SEC-DB-PUBLIC-SUBNET: a database or cache in a public subnet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.db_in_public_subnet import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_database_in_public_subnet_is_reported() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("pub", "subnet", "vpc", {"public": True}),
            ("sg", "security_group", "pub"),
            ("db", "rds", "sg"),
            ("cache", "elasticache", "pub"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cache")}


def test_database_in_private_subnet_passes() -> None:
    arch = design([("vpc", "vpc"), ("priv", "subnet", "vpc", {"public": False}), ("db", "rds", "priv")])
    assert hits(RULE, arch) == set()


def test_database_outside_any_subnet_passes() -> None:
    assert hits(RULE, design([("db", "rds")])) == set()
