"""OPS-BEANSTALK-MANAGED-UPDATES: an environment without managed platform updates."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.beanstalk_managed_updates import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_environment_without_managed_updates_is_reported() -> None:
    arch = design([("env", "elastic_beanstalk", None, {"enhanced_health": True})])
    assert hits(RULE, arch) == {key(RULE, "env")}


def test_environment_with_managed_updates_passes() -> None:
    assert hits(RULE, design([("env", "elastic_beanstalk", None, {"managed_updates": True})])) == set()
