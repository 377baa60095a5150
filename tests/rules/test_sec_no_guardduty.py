"""SEC-NO-GUARDDUTY: a design with AWS resources and no enabled GuardDuty detector."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.no_guardduty import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_design_without_detector_is_reported_once() -> None:
    arch = design([("web", "ec2"), ("db", "rds")])
    arch.set_scope("account")
    assert hits(RULE, arch) == {key(RULE, None)}


def test_a_disabled_detector_is_reported_where_it_is_whatever_the_scope() -> None:
    arch = design([("web", "ec2"), ("gd", "guardduty", None, {"enabled": False})])
    assert hits(RULE, arch) == {key(RULE, "gd")}
    arch.set_scope("account")
    assert hits(RULE, arch) == {key(RULE, "gd")}


def test_enabled_detector_anywhere_covers_the_design() -> None:
    arch = design([("region", "region"), ("web", "ec2", "region"), ("gd", "guardduty")])
    assert hits(RULE, arch) == set()


def test_design_with_only_actors_and_containers_passes() -> None:
    assert hits(RULE, design([("users", "internet"), ("vpc", "vpc")])) == set()


def test_for_a_workload_the_missing_service_is_a_stated_assumption() -> None:
    arch = design([("web", "ec2"), ("db", "rds")])
    result = analyse(arch, [RULE])
    assert [f.key for f in result.findings] == []
    assert [(a.rule, a.text) for a in result.assumptions] == [(RULE.id, RULE.meta.assumption)]
    arch.set_scope("account")
    assert [f.key for f in analyse(arch, [RULE]).findings] == [key(RULE, None)]
