"""REL-BEANSTALK-SINGLE-INSTANCE: a single-instance Elastic Beanstalk environment."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.beanstalk_single_instance import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("env", "elastic_beanstalk", None, {"environment_type": "single-instance"})])
    assert hits(RULE, arch) == {key(RULE, "env")}


def test_configured_nodes_pass() -> None:
    arch = design([("env", "elastic_beanstalk")])
    assert hits(RULE, arch) == set()
