"""REL-DMS-SINGLE-AZ: a DMS replication instance in one zone."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.dms_single_az import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_az_replication_instance_is_reported() -> None:
    arch = design([("dms", "dms"), ("ha", "dms", None, {"multi_az": True}), ("db", "rds", None, {"multi_az": False})])
    assert hits(RULE, arch) == {key(RULE, "dms")}
