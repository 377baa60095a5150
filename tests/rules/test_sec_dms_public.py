"""SEC-DMS-PUBLIC: a publicly accessible DMS replication instance."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.dms_public import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_replication_instance_is_reported_by_default() -> None:
    arch = design([("dms", "dms"), ("private", "dms", None, {"publicly_accessible": False})])
    assert hits(RULE, arch) == {key(RULE, "dms")}
