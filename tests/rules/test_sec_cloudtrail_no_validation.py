"""SEC-CLOUDTRAIL-NO-VALIDATION: trail log file validation switched off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudtrail_no_validation import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_trail_without_validation_is_reported() -> None:
    arch = design([("trail", "cloudtrail", None, {"multi_region": True, "kms_encryption": True}), ("cfg", "config")])
    assert hits(RULE, arch) == {key(RULE, "trail")}


def test_trail_with_validation_passes() -> None:
    assert hits(RULE, design([("trail", "cloudtrail", None, {"log_file_validation": True})])) == set()
