"""SEC-DEFAULT-SG-UNRESTRICTED: a VPC whose default security group keeps the rules AWS creates it with."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.default_sg_unrestricted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_vpc_whose_default_group_was_not_stripped_is_reported() -> None:
    arch = design([("vpc", "vpc"), ("web", "ec2", "vpc")])
    assert hits(RULE, arch) == {key(RULE, "vpc")}


def test_a_vpc_whose_default_group_has_no_rules_passes() -> None:
    arch = design([("vpc", "vpc", None, {"default_sg_restricted": True}), ("web", "ec2", "vpc")])
    assert hits(RULE, arch) == set()


def test_a_vpc_from_another_stack_or_module_is_not_judged() -> None:
    arch = design([("vpc", "vpc", None, {"defined_elsewhere": True}), ("web", "ec2", "vpc")])
    assert RULE.id not in {f.rule for f in analyse(arch).findings}
