"""SUS-EC2-NOT-GRAVITON: an x86 instance family with a Graviton counterpart."""

from __future__ import annotations

import pytest
from designkit import design, hits, key

from wadesk.rules.sustainability.ec2_not_graviton import RULE, graviton_alternative


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_x86_instances_are_reported() -> None:
    arch = design(
        [
            ("default", "ec2"),
            ("m5", "ec2", None, {"instance_type": "m5.large"}),
            ("flex", "ec2", None, {"instance_type": "m7i-flex.xlarge"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "default"), key(RULE, "m5"), key(RULE, "flex")}


def test_graviton_instances_pass() -> None:
    arch = design(
        [
            ("a", "ec2", None, {"instance_type": "m7g.large"}),
            ("b", "ec2", None, {"instance_type": "c6gn.2xlarge"}),
            ("c", "ec2", None, {"instance_type": "t4g.micro"}),
            ("d", "ec2", None, {"instance_type": "r8g.medium"}),
        ]
    )
    assert hits(RULE, arch) == set()


@pytest.mark.parametrize(
    ("instance_type", "expected"),
    [
        ("t3.micro", "t4g"),
        ("c5n.large", "c7g"),
        ("r6i.large", "r7g"),
        ("x2iedn.xlarge", "x2gd"),
        ("i3en.large", "i4g"),
        ("M5.LARGE", "m7g"),
        ("x2gd.large", None),
        ("a1.large", None),
        ("im4gn.large", None),
        ("g5.xlarge", None),
        ("p4d.24xlarge", None),
        ("mac2.metal", None),
        ("u-6tb1.metal", None),
        ("", None),
        ("custom", None),
    ],
)
def test_graviton_alternative(instance_type: str, expected: str | None) -> None:
    assert graviton_alternative(instance_type) == expected
