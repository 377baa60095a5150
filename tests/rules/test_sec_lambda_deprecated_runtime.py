"""SEC-LAMBDA-DEPRECATED-RUNTIME: a Lambda function on a runtime AWS has deprecated."""

from __future__ import annotations

import pytest
from designkit import design, hits, key

from wadesk.rules.security.lambda_deprecated_runtime import RULE, is_deprecated

DEPRECATED = [
    "python2.7",
    "python3.6",
    "python3.7",
    "python3.8",
    "python3.9",
    "nodejs",
    "nodejs4.3",
    "nodejs4.3-edge",
    "nodejs10.x",
    "nodejs16.x",
    "nodejs18.x",
    "java8",
    "dotnetcore2.1",
    "dotnetcore3.1",
    "dotnet5.0",
    "dotnet6",
    "ruby2.5",
    "ruby2.7",
    "ruby3.2",
    "go1.x",
    "Python3.8 ",
]
SUPPORTED = [
    "python3.10",
    "python3.12",
    "python3.13",
    "nodejs20.x",
    "nodejs22.x",
    "java8.al2",
    "java11",
    "java21",
    "dotnet8",
    "ruby3.3",
    "ruby3.4",
    "provided.al2",
    "provided.al2023",
    "",
    "custom-thing",
]


@pytest.mark.parametrize("runtime", DEPRECATED)
def test_deprecated_runtime_ids(runtime: str) -> None:
    assert is_deprecated(runtime)


@pytest.mark.parametrize("runtime", SUPPORTED)
def test_supported_or_unknown_runtime_ids(runtime: str) -> None:
    assert not is_deprecated(runtime)


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_function_on_deprecated_runtime_is_reported() -> None:
    arch = design(
        [
            ("old", "lambda", None, {"runtime": "python3.9"}),
            ("node", "lambda", None, {"runtime": "nodejs18.x"}),
            ("new", "lambda"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "old"), key(RULE, "node")}


def test_container_image_function_passes() -> None:
    arch = design(
        [
            ("image", "lambda", None, {"runtime": "python3.8", "package_type": "image"}),
            ("al2023", "lambda", None, {"runtime": "provided.al2023"}),
        ]
    )
    assert hits(RULE, arch) == set()
