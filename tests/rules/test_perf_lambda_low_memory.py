"""PERF-LAMBDA-LOW-MEMORY: a long-running function at the minimum memory size."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.lambda_low_memory import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_long_function_with_minimum_memory_is_reported() -> None:
    arch = design([("fn", "lambda", None, {"timeout_s": 30}), ("quick", "lambda")])
    assert hits(RULE, arch) == {key(RULE, "fn")}


def test_long_function_with_more_memory_passes() -> None:
    arch = design([("fn", "lambda", None, {"timeout_s": 300, "memory_mb": 1024})])
    assert hits(RULE, arch) == set()


def test_short_function_with_minimum_memory_passes() -> None:
    assert hits(RULE, design([("fn", "lambda", None, {"timeout_s": 29})])) == set()
