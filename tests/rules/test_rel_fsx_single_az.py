"""REL-FSX-SINGLE-AZ: an FSx file system in one zone."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.fsx_single_az import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_az_file_system_is_reported() -> None:
    arch = design(
        [
            ("files", "fsx"),
            ("ontap", "fsx", None, {"file_system_type": "ONTAP"}),
            ("ha", "fsx", None, {"deployment": "multi-az"}),
            ("disk", "efs"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "files"), key(RULE, "ontap")}


def test_lustre_has_no_multi_az_deployment_and_passes() -> None:
    assert hits(RULE, design([("scratch", "fsx", None, {"file_system_type": "LUSTRE"})])) == set()
