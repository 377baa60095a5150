"""SUS-LAMBDA-X86: a Lambda function on x86_64."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.lambda_x86 import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_x86_function_is_reported() -> None:
    assert hits(RULE, design([("fn", "lambda")])) == {key(RULE, "fn")}


def test_arm64_function_passes() -> None:
    assert hits(RULE, design([("fn", "lambda", None, {"architecture": "arm64"})])) == set()
