"""REL-MSK-FEW-BROKERS: an MSK cluster of fewer than three brokers."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.msk_few_brokers import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_clusters_of_one_or_two_brokers_are_reported() -> None:
    arch = design(
        [
            ("one", "msk", None, {"broker_count": 1}),
            ("two", "msk", None, {"broker_count": 2}),
            ("three", "msk"),
            ("six", "msk", None, {"broker_count": 6}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "one"), key(RULE, "two")}
