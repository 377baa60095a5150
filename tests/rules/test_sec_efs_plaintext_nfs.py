"""SEC-EFS-PLAINTEXT-NFS: NFS to an EFS file system that is not encrypted in transit."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.efs_plaintext_nfs import RULE

NFS = {"protocol": "tcp", "port": 2049}


def _vpc_level(flow: dict[str, object], files: dict[str, object] | None = None) -> object:
    """A file system drawn at VPC level (a mount target in every subnet), mounted by a group in two subnets."""
    nodes = [
        ("vpc", "vpc"),
        ("a", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
        ("b", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
        ("web", "auto_scaling_group", "a", {"subnets": ["a", "b"], "min_size": 2, "max_size": 4}),
        ("vm", "ec2", "web"),
        ("files", "efs", "vpc", files or {}),
    ]
    return design(nodes, [("vm", "files", flow)])


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_plaintext_nfs_to_a_file_system_at_vpc_level_is_reported() -> None:
    assert hits(RULE, _vpc_level(NFS)) == {key(RULE, "files")}
    assert hits(RULE, _vpc_level({"protocol": "other", "port": 2049})) == {key(RULE, "files")}


def test_a_flow_from_the_group_and_within_one_subnet_is_reported_too() -> None:
    arch = design(
        [("vpc", "vpc"), ("a", "subnet", "vpc"), ("web", "auto_scaling_group", "a"), ("vm", "ec2", "web"),
         ("files", "efs", "a")],
        [("web", "files", NFS)],
    )
    assert hits(RULE, arch) == {key(RULE, "files")}


def test_the_message_claims_what_the_drawing_shows() -> None:
    (finding,) = analyse(_vpc_level(NFS), [RULE]).findings
    assert "TCP port 2049" in finding.message and "not marked encrypted" in finding.message
    assert "require_tls" in finding.message


def test_tls_mounts_and_a_policy_that_requires_tls_pass() -> None:
    assert hits(RULE, _vpc_level({"protocol": "tls", "port": 2049})) == set()
    assert hits(RULE, _vpc_level({**NFS, "encrypted": True})) == set()
    assert hits(RULE, _vpc_level(NFS, {"require_tls": True})) == set()


def test_flows_that_say_nothing_or_do_not_mount_pass() -> None:
    assert hits(RULE, _vpc_level({})) == set()  # protocol "other", no port: the drawing does not say
    arch = design(
        [("files", "efs"), ("plan", "backup"), ("cw", "cloudwatch"), ("db", "rds")],
        [("plan", "files", NFS), ("files", "cw", NFS), ("db", "cw")],
    )
    assert hits(RULE, arch) == set()
