"""SEC-EC2-IMDSV1: eC2 instance allows IMDSv1."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.ec2_imdsv1 import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_instance_allowing_imdsv1_is_reported() -> None:
    arch = design([("web", "ec2"), ("safe", "ec2", None, {"imdsv2_required": True})])
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_imdsv2_only_instance_passes() -> None:
    assert hits(RULE, design([("app", "ec2", None, {"imdsv2_required": True}), ("fn", "lambda")])) == set()
