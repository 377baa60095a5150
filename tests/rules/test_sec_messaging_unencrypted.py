"""SEC-MESSAGING-UNENCRYPTED: queue, topic or stream is not encrypted."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.messaging_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_messaging_is_reported() -> None:
    arch = design([("topic", "sns"), ("stream", "kinesis"), ("queue", "sqs", None, {"encryption": False})])
    assert hits(RULE, arch) == {key(RULE, "topic"), key(RULE, "stream"), key(RULE, "queue")}


def test_encrypted_messaging_passes() -> None:
    arch = design(
        [("queue", "sqs"), ("topic", "sns", None, {"encryption": True}), ("s", "kinesis", None, {"encryption": True})]
    )
    assert hits(RULE, arch) == set()
