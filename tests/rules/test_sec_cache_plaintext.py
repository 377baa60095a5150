"""SEC-CACHE-PLAINTEXT: elastiCache accepts unencrypted connections."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cache_plaintext import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cache_without_tls_is_reported() -> None:
    arch = design([("cache", "elasticache"), ("mc", "elasticache", None, {"engine": "memcached"})])
    assert hits(RULE, arch) == {key(RULE, "cache"), key(RULE, "mc")}


def test_cache_with_tls_passes() -> None:
    assert hits(RULE, design([("cache", "elasticache", None, {"encryption_in_transit": True})])) == set()
