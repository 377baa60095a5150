"""PERF-NO-LOAD-BALANCER: servers of one tier sharing traffic with no load balancer."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.no_load_balancer import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_servers_fed_straight_from_internet_are_reported() -> None:
    arch = design(
        [("users", "internet"), ("web1", "ec2"), ("web2", "ec2")],
        [("users", "web1"), ("users", "web2")],
    )
    assert hits(RULE, arch) == {key(RULE, "web1"), key(RULE, "web2")}


def test_servers_behind_simple_dns_are_reported() -> None:
    arch = design(
        [("users", "internet"), ("dns", "route53"), ("t1", "fargate_task"), ("t2", "fargate_task")],
        [("users", "dns"), ("dns", "t1"), ("dns", "t2")],
    )
    assert hits(RULE, arch) == {key(RULE, "t1"), key(RULE, "t2")}


def test_servers_behind_a_load_balancer_pass() -> None:
    arch = design(
        [("users", "internet"), ("dns", "route53"), ("alb", "alb"), ("web1", "ec2"), ("web2", "ec2")],
        [("users", "dns"), ("dns", "alb"), ("alb", "web1"), ("alb", "web2")],
    )
    assert hits(RULE, arch) == set()


def test_single_server_passes() -> None:
    arch = design([("users", "internet"), ("web", "ec2"), ("fn", "lambda")], [("users", "web"), ("users", "fn")])
    assert hits(RULE, arch) == set()


def test_different_workloads_pass() -> None:
    arch = design(
        [("users", "internet"), ("web", "ec2", None, {"workload": "web"}),
         ("bastion1", "ec2", None, {"workload": "bastion"}), ("bastion2", "ec2", None, {"workload": "bastion"})],
        [("users", "web"), ("users", "bastion1"), ("users", "bastion2")],
    )
    assert hits(RULE, arch) == set()


def test_latency_routing_across_regions_passes() -> None:
    arch = design(
        [("users", "internet"), ("dns", "route53", None, {"routing_policy": "latency"}),
         ("eu", "region"), ("us", "region"), ("web_eu", "ec2", "eu"), ("web_us", "ec2", "us")],
        [("users", "dns"), ("dns", "web_eu"), ("dns", "web_us")],
    )
    assert hits(RULE, arch) == set()


def test_servers_in_different_regions_pass() -> None:
    arch = design(
        [("users", "internet"), ("eu", "region"), ("us", "region"), ("web_eu", "ec2", "eu"), ("web_us", "ec2", "us")],
        [("users", "web_eu"), ("users", "web_us")],
    )
    assert hits(RULE, arch) == set()
