"""Every rule is well formed: unique ids, real best-practice ids, texts, a test module of its own."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from wadesk.cli.listing import rules_markdown
from wadesk.rules.base import PILLARS, GraphRule
from wadesk.rules.registry import ALL_RULES

ROOT = Path(__file__).resolve().parents[1]
# A copy of the Well-Architected best-practice ids (from shared/reference/wa_list.txt), kept in the repo
# so the test runs wherever the project is cloned.
WA_IDS = set(re.findall(r"^([A-Z]+\d\d-BP\d\d)", (ROOT / "tests" / "data" / "wa_bp_ids.txt").read_text(), re.M))
RULE_ID = re.compile(r"^(OPS|SEC|REL|PERF|COST|SUS)-[A-Z0-9]+(-[A-Z0-9]+)*$")
PREFIX = {"OPS": "operational_excellence", "SEC": "security", "REL": "reliability",
          "PERF": "performance_efficiency", "COST": "cost_optimization", "SUS": "sustainability"}


def test_rule_ids_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert [rule_id for rule_id, count in Counter(ids).items() if count > 1] == []
    for rule in ALL_RULES:
        assert RULE_ID.match(rule.id), rule.id
        assert PREFIX[rule.id.split("-")[0]] == rule.meta.pillar, rule.id


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_metadata_is_complete(rule) -> None:  # type: ignore[no-untyped-def]
    meta = rule.meta
    assert meta.wa_bp in WA_IDS, f"{rule.id}: {meta.wa_bp} is not a Well-Architected best-practice id"
    assert meta.title and not meta.title.endswith(".")
    assert len(meta.rationale) > 40 and len(meta.remediation) > 20
    for control in meta.securityhub:
        assert re.match(r"^[A-Za-z0-9]+\.\d+$", control), control
    for check in meta.checkov:
        assert re.match(r"^CKV2?_AWS_\d+$", check), check


def test_the_rule_set_covers_every_pillar() -> None:
    per_pillar = Counter(rule.meta.pillar for rule in ALL_RULES)
    assert len(ALL_RULES) >= 60
    assert {pillar: per_pillar[pillar] >= 6 for pillar in PILLARS} == {pillar: True for pillar in PILLARS}
    assert sum(isinstance(rule, GraphRule) for rule in ALL_RULES) >= 12


def test_every_rule_has_a_test_module() -> None:
    texts = "\n".join(p.read_text() for p in (ROOT / "tests" / "rules").glob("test_*.py"))
    missing = [rule.id for rule in ALL_RULES if rule.id not in texts and _module_of(rule) not in texts]
    assert missing == []


def _module_of(rule: object) -> str:
    check = rule.check
    return str(check.__module__)


def test_docs_rules_md_is_current() -> None:
    path = ROOT / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run `wadesk rules --format markdown > docs/rules.md`"
    )


def test_docs_properties_md_is_current() -> None:
    from wadesk.cli.listing import properties_markdown

    path = ROOT / "docs" / "properties.md"
    assert path.read_text(encoding="utf-8") == properties_markdown(), (
        "docs/properties.md is out of date: run `wadesk kinds --format markdown > docs/properties.md`"
    )
