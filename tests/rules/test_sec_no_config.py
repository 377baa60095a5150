"""SEC-NO-CONFIG: a design with AWS resources and no AWS Config recorder."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.no_config import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_design_without_config_is_reported_once() -> None:
    arch = design([("bucket", "s3"), ("fn", "lambda"), ("trail", "cloudtrail")])
    arch.set_scope("account")
    assert hits(RULE, arch) == {key(RULE, None)}


def test_config_anywhere_covers_the_design() -> None:
    arch = design([("vpc", "vpc"), ("web", "ec2", "vpc"), ("recorder", "config", "vpc")])
    assert hits(RULE, arch) == set()


def test_design_with_only_actors_and_containers_passes() -> None:
    assert hits(RULE, design([("office", "corporate_network"), ("region", "region")])) == set()


def test_for_a_workload_the_missing_service_is_a_stated_assumption() -> None:
    arch = design([("web", "ec2"), ("db", "rds")])
    result = analyse(arch, [RULE])
    assert [f.key for f in result.findings] == []
    assert [(a.rule, a.text) for a in result.assumptions] == [(RULE.id, RULE.meta.assumption)]
    arch.set_scope("account")
    assert [f.key for f in analyse(arch, [RULE]).findings] == [key(RULE, None)]
