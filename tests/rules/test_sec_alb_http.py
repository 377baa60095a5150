"""SEC-ALB-HTTP: internet-facing load balancer accepts plain HTTP."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.alb_http import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_internet_facing_http_alb_is_reported() -> None:
    arch = design([("alb", "alb"), ("tls", "alb", None, {"https_only": True})])
    assert hits(RULE, arch) == {key(RULE, "alb")}


def test_internal_alb_passes() -> None:
    assert hits(RULE, design([("alb", "alb", None, {"scheme": "internal"}), ("nlb", "nlb")])) == set()
