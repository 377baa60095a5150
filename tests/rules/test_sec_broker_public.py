"""SEC-BROKER-PUBLIC: an Amazon MQ broker or MSK cluster open to the internet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.broker_public import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_mq_and_msk_are_reported() -> None:
    arch = design(
        [
            ("mq", "mq", None, {"publicly_accessible": True}),
            ("kafka", "msk", None, {"public_access": True}),
            ("private_mq", "mq"),
            ("private_kafka", "msk"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "mq"), key(RULE, "kafka")}


def test_private_brokers_pass() -> None:
    arch = design(
        [
            ("mq", "mq", None, {"publicly_accessible": False}),
            ("kafka", "msk", None, {"public_access": False, "encryption_in_transit": "PLAINTEXT"}),
            ("db", "rds", None, {"publicly_accessible": True}),
        ]
    )
    assert hits(RULE, arch) == set()
