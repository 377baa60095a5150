"""SEC-NO-CLOUDTRAIL: a design with AWS resources and no CloudTrail trail."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.no_cloudtrail import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_design_without_trail_is_reported_once() -> None:
    arch = design([("users", "internet"), ("vpc", "vpc"), ("web", "ec2", "vpc"), ("db", "rds", "vpc")])
    assert hits(RULE, arch) == {key(RULE, None)}


def test_trail_anywhere_covers_the_design() -> None:
    arch = design([("region", "region"), ("web", "ec2", "region"), ("trail", "cloudtrail")])
    assert hits(RULE, arch) == set()


def test_design_with_only_actors_and_containers_passes() -> None:
    assert hits(RULE, design([("users", "internet"), ("vpc", "vpc"), ("sub", "subnet", "vpc")])) == set()
