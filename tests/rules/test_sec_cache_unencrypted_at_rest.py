"""SEC-CACHE-UNENCRYPTED-AT-REST: elastiCache data is not encrypted at rest."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cache_unencrypted_at_rest import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_redis_is_reported() -> None:
    arch = design([("cache", "elasticache"), ("ok", "elasticache", None, {"encryption_at_rest": True})])
    assert hits(RULE, arch) == {key(RULE, "cache")}


def test_memcached_passes() -> None:
    assert hits(RULE, design([("mc", "elasticache", None, {"engine": "memcached"})])) == set()
