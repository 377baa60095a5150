"""SEC-NO-GUARDDUTY: a design with AWS resources and no enabled GuardDuty detector."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.no_guardduty import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_design_without_detector_is_reported_once() -> None:
    arch = design([("web", "ec2"), ("db", "rds")])
    assert hits(RULE, arch) == {key(RULE, None)}


def test_disabled_detector_does_not_count() -> None:
    arch = design([("web", "ec2"), ("gd", "guardduty", None, {"enabled": False})])
    assert hits(RULE, arch) == {key(RULE, None)}


def test_enabled_detector_anywhere_covers_the_design() -> None:
    arch = design([("region", "region"), ("web", "ec2", "region"), ("gd", "guardduty")])
    assert hits(RULE, arch) == set()


def test_design_with_only_actors_and_containers_passes() -> None:
    assert hits(RULE, design([("users", "internet"), ("vpc", "vpc")])) == set()
