"""SEC-INSPECTOR-DISABLED: Inspector drawn switched off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.inspector_disabled import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_disabled_inspector_is_reported_when_compute_runs() -> None:
    arch = design([("inspector", "inspector", None, {"enabled": False}), ("web", "ec2")])
    assert hits(RULE, arch) == {key(RULE, "inspector")}


def test_enabled_one_covers_the_design() -> None:
    arch = design([("off", "inspector", None, {"enabled": False}), ("on", "inspector"), ("fn", "lambda")])
    assert hits(RULE, arch) == set()


def test_nothing_to_scan_or_nothing_drawn_passes() -> None:
    assert hits(RULE, design([("inspector", "inspector", None, {"enabled": False}), ("bucket", "s3")])) == set()
    assert hits(RULE, design([("web", "ec2")])) == set()
