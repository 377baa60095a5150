"""SEC-MACIE-DISABLED: Macie drawn paused."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.macie_disabled import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_disabled_macie_is_reported_when_buckets_exist() -> None:
    arch = design([("macie", "macie", None, {"enabled": False}), ("bucket", "s3")])
    assert hits(RULE, arch) == {key(RULE, "macie")}


def test_no_buckets_enabled_or_nothing_drawn_passes() -> None:
    assert hits(RULE, design([("macie", "macie", None, {"enabled": False}), ("web", "ec2")])) == set()
    assert hits(RULE, design([("macie", "macie"), ("bucket", "s3")])) == set()
    assert hits(RULE, design([("bucket", "s3")])) == set()
