"""SEC-VOLUME-UNENCRYPTED: block or file storage is not encrypted."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.volume_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_storage_is_reported() -> None:
    arch = design([("web", "ec2"), ("vol", "ebs"), ("share", "efs", None, {"encrypted": False})])
    assert hits(RULE, arch) == {key(RULE, "web"), key(RULE, "vol"), key(RULE, "share")}


def test_encrypted_storage_passes() -> None:
    arch = design(
        [
            ("web", "ec2", None, {"ebs_encrypted": True}),
            ("vol", "ebs", None, {"encrypted": True}),
            ("share", "efs", None, {"encrypted": True}),
        ]
    )
    assert hits(RULE, arch) == set()
