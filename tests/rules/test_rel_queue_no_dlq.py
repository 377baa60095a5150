"""REL-QUEUE-NO-DLQ: a consumed SQS queue with no dead-letter queue."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.queue_no_dlq import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_consumed_queue_without_dlq_is_reported() -> None:
    arch = design([("orders", "sqs"), ("worker", "lambda")], [("orders", "worker")])
    assert hits(RULE, arch) == {key(RULE, "orders")}


def test_queue_with_dlq_property_or_redrive_flow_passes() -> None:
    arch = design(
        [
            ("orders", "sqs", None, {"dead_letter_queue": True}),
            ("jobs", "sqs"),
            ("parking", "sqs"),
            ("worker", "lambda"),
            ("redrive", "lambda"),
        ],
        [
            ("orders", "worker"),
            ("jobs", "worker"),
            ("jobs", "parking", {"dead_letter": True}),
            ("parking", "redrive"),
        ],
    )
    assert hits(RULE, arch) == set()


def test_dead_letter_queue_itself_and_unconsumed_queue_pass() -> None:
    arch = design(
        [
            ("orders", "sqs"),
            ("orders-dlq", "sqs"),
            ("inbox", "sqs"),
            ("encrypted", "sqs"),
            ("ops", "lambda"),
            ("key", "kms"),
            ("fn", "lambda"),
        ],
        [("orders", "orders-dlq", {"dead_letter": True}), ("orders-dlq", "ops"), ("fn", "inbox"), ("encrypted", "key")],
    )
    assert hits(RULE, arch) == set()
