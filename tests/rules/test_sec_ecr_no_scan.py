"""SEC-ECR-NO-SCAN: ECR repository does not scan its images."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.ecr_no_scan import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_repository_that_does_not_scan_is_reported() -> None:
    arch = design([("images", "ecr"), ("scanned", "ecr", None, {"scan_on_push": True})])
    assert hits(RULE, arch) == {key(RULE, "images")}


def test_an_enabled_inspector_scans_every_repository() -> None:
    assert hits(RULE, design([("images", "ecr"), ("inspector", "inspector", None, {"enabled": True})])) == set()


def test_a_disabled_inspector_does_not() -> None:
    arch = design([("images", "ecr"), ("inspector", "inspector", None, {"enabled": False})])
    assert hits(RULE, arch) == {key(RULE, "images")}
