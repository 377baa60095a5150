"""SEC-EC2-PUBLIC-IP: eC2 instance has a public IP address."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.ec2_public_ip import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_instance_with_public_ip_is_reported() -> None:
    arch = design([("web", "ec2", None, {"public_ip": True}), ("app", "ec2")])
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_private_instance_passes() -> None:
    assert hits(RULE, design([("app", "ec2", None, {"public_ip": False})])) == set()
