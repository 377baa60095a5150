"""SUS-EFS-NO-LIFECYCLE: an EFS file system without a lifecycle policy."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.efs_no_lifecycle import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_file_system_without_lifecycle_policy_is_reported() -> None:
    assert hits(RULE, design([("fs", "efs")])) == {key(RULE, "fs")}


def test_file_system_with_lifecycle_policy_passes() -> None:
    assert hits(RULE, design([("fs", "efs", None, {"lifecycle_policy": True}), ("fsx", "fsx")])) == set()
