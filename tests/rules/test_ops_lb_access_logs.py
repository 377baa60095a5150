"""OPS-LB-ACCESS-LOGS: a load balancer with access logs off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.lb_access_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_load_balancers_without_access_logs_are_reported() -> None:
    arch = design([("alb", "alb"), ("nlb", "nlb", None, {"access_logs": False})])
    assert hits(RULE, arch) == {key(RULE, "alb"), key(RULE, "nlb")}


def test_load_balancer_with_access_logs_passes() -> None:
    arch = design([("alb", "alb", None, {"access_logs": True}), ("api", "api_gateway")])
    assert hits(RULE, arch) == set()
