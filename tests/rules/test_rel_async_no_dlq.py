"""REL-ASYNC-NO-DLQ: an asynchronously invoked Lambda function with no dead-letter queue."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.async_no_dlq import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_functions_triggered_by_events_without_dlq_are_reported() -> None:
    arch = design(
        [
            ("topic", "sns"),
            ("bus", "eventbridge"),
            ("bucket", "s3"),
            ("f1", "lambda"),
            ("f2", "lambda"),
            ("f3", "lambda"),
        ],
        [("topic", "f1"), ("bus", "f2"), ("bucket", "f3")],
    )
    assert hits(RULE, arch) == {key(RULE, "f1"), key(RULE, "f2"), key(RULE, "f3")}


def test_dead_letter_property_or_flow_passes() -> None:
    arch = design(
        [
            ("topic", "sns"),
            ("f1", "lambda", None, {"dead_letter_queue": True}),
            ("f2", "lambda"),
            ("f3", "lambda"),
            ("f4", "lambda"),
            ("q2", "sqs"),
            ("failed", "sqs"),
            ("orders-dlq", "sqs"),
            ("alerts", "sns"),
        ],
        [
            ("topic", "f1"),
            ("topic", "f2"),
            ("f2", "q2", {"dead_letter": True}),
            ("topic", "f3"),
            ("f3", "orders-dlq", {"dead_letter": True}),
            ("topic", "f4"),
            ("f4", "alerts", {"dead_letter": True}),
        ],
    )
    assert hits(RULE, arch) == set()


def test_a_queue_named_like_a_dead_letter_queue_is_not_one_unless_the_flow_says_so() -> None:
    arch = design(
        [("topic", "sns"), ("fn", "lambda"), ("orders-dlq", "sqs")],
        [("topic", "fn"), ("fn", "orders-dlq", {}, "on failure")],
    )
    assert hits(RULE, arch) == {key(RULE, "fn")}


def test_synchronous_and_queue_driven_functions_pass() -> None:
    arch = design(
        [("api", "api_gateway"), ("queue", "sqs"), ("f1", "lambda"), ("f2", "lambda"), ("f3", "lambda")],
        [("api", "f1"), ("queue", "f2"), ("f1", "f3")],
    )
    assert hits(RULE, arch) == set()
