"""REL-EFS-ONE-ZONE: an EFS file system in One Zone storage."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.efs_one_zone import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("files", "efs", None, {"one_zone": True})])
    assert hits(RULE, arch) == {key(RULE, "files")}


def test_configured_nodes_pass() -> None:
    arch = design([("files", "efs"), ("share", "fsx")])
    assert hits(RULE, arch) == set()
