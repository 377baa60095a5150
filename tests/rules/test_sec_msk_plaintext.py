"""SEC-MSK-PLAINTEXT: an MSK cluster that accepts clear-text client connections."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.msk_plaintext import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_plaintext_modes_are_reported() -> None:
    arch = design(
        [
            ("plain", "msk", None, {"encryption_in_transit": "PLAINTEXT"}),
            ("mixed", "msk", None, {"encryption_in_transit": "TLS_PLAINTEXT"}),
            ("tls", "msk", None, {"encryption_in_transit": "TLS"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "plain"), key(RULE, "mixed")}


def test_tls_only_cluster_passes() -> None:
    arch = design([("kafka", "msk"), ("public", "msk", None, {"public_access": True})])
    assert hits(RULE, arch) == set()
