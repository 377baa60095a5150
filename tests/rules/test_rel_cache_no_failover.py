"""REL-CACHE-NO-FAILOVER: a Redis or Valkey cache without automatic failover."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.cache_no_failover import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("c1", "elasticache"), ("c2", "elasticache", None, {"engine": "valkey", "replicas": 2})])
    assert hits(RULE, arch) == {key(RULE, "c1"), key(RULE, "c2")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [
            ("c1", "elasticache", None, {"replicas": 1, "automatic_failover": True}),
            ("c2", "elasticache", None, {"engine": "memcached"}),
        ]
    )
    assert hits(RULE, arch) == set()
