"""REL-DNS-FAILOVER-UNCHECKED: failover records with no health checks."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.dns_failover_unchecked import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_failover_without_health_checks_is_reported() -> None:
    arch = design(
        [
            ("zone", "route53", None, {"routing_policy": "failover"}),
            ("checked", "route53", None, {"routing_policy": "failover", "health_checks": True}),
            ("simple", "route53"),
            ("latency", "route53", None, {"routing_policy": "latency"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "zone")}
