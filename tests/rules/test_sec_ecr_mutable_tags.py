"""SEC-ECR-MUTABLE-TAGS: ECR repository lets tags be overwritten."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.ecr_mutable_tags import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_mutable_tags_are_reported() -> None:
    arch = design([("images", "ecr"), ("fixed", "ecr", None, {"tag_immutability": True})])
    assert hits(RULE, arch) == {key(RULE, "images")}


def test_immutable_tags_pass() -> None:
    assert hits(RULE, design([("fixed", "ecr", None, {"tag_immutability": True})])) == set()
