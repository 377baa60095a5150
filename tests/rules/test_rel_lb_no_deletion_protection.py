"""REL-LB-NO-DELETION-PROTECTION: a load balancer without deletion protection."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.lb_no_deletion_protection import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_application_and_network_load_balancers_are_reported() -> None:
    arch = design([("alb", "alb"), ("nlb", "nlb"), ("kept", "alb", None, {"deletion_protection": True})])
    assert hits(RULE, arch) == {key(RULE, "alb"), key(RULE, "nlb")}


def test_classic_load_balancers_have_no_such_setting_and_pass() -> None:
    assert hits(RULE, design([("clb", "elb")])) == set()
