"""SEC-APIGW-NO-AUTH: aPI Gateway has no authorization."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.apigw_no_auth import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_open_api_is_reported() -> None:
    arch = design([("api", "api_gateway"), ("auth", "api_gateway", None, {"authorization": "cognito"})])
    assert hits(RULE, arch) == {key(RULE, "api")}


def test_authorized_apis_pass() -> None:
    arch = design(
        [("a", "api_gateway", None, {"authorization": "iam"}), ("b", "api_gateway", None, {"authorization": "lambda"})]
    )
    assert hits(RULE, arch) == set()


def test_a_private_api_answers_only_its_vpc_endpoints() -> None:
    arch = design([("api", "api_gateway", None, {"authorization": "none", "endpoint_type": "PRIVATE"})])
    assert hits(RULE, arch) == set()
