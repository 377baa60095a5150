"""A one-off analysis imports only the rules that can report on the design: every graph rule and the node rules
of its kinds (wadesk/rules/by_kind.py, reading the generated index wadesk/rules/node_kinds.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wadesk.analysis.engine import Analyzer, analyse
from wadesk.catalog import CATALOG
from wadesk.fileformat import load_design
from wadesk.rules.base import NodeRule
from wadesk.rules.by_kind import INDEX, PILLAR_PACKAGES, render_index, rules_for_kinds
from wadesk.rules.registry import ALL_RULES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.wadesk"))


def test_the_index_of_node_rule_kinds_is_current() -> None:
    assert INDEX.read_text(encoding="utf-8") == render_index(), (
        "wadesk/rules/node_kinds.py is stale: run `python -m wadesk.rules.by_kind`"
    )


def test_the_pillars_list_every_rule_in_report_order() -> None:
    assert tuple(rule for package in PILLAR_PACKAGES for rule in package.RULES) == ALL_RULES
    assert len({rule.id for rule in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize(
    "kinds", [set(), {"rds"}, {"alb", "ec2", "subnet"}, {"s3", "lambda", "no_such_kind"}, {k.id for k in CATALOG}]
)
def test_the_rules_for_some_kinds_are_the_graph_rules_and_their_node_rules(kinds: set[str]) -> None:
    expected = tuple(rule for rule in ALL_RULES if not isinstance(rule, NodeRule) or rule.kinds & kinds)
    assert rules_for_kinds(kinds) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_analysis_with_the_rules_of_its_kinds_equals_one_with_every_rule(path: Path) -> None:
    arch = load_design(path)
    everything = Analyzer(arch, ALL_RULES)
    try:
        assert analyse(arch) == everything.result()
    finally:
        everything.close()


def test_a_check_of_one_template_leaves_the_other_kinds_node_rules_unread(tmp_path: Path) -> None:
    template = tmp_path / "queue.json"
    template.write_text('{"Resources": {"Jobs": {"Type": "AWS::SQS::Queue"}}}', encoding="utf-8")
    code = (
        "import sys; from wadesk.app import main; main(['check', sys.argv[1], '--fail-on', 'never']); "
        "print('RULES', len([m for m in sys.modules if m.count('.') == 3 and m.startswith('wadesk.rules.')]))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(template)], capture_output=True, text=True, timeout=120)
    loaded = int(out.stdout.rsplit("RULES", 1)[1])
    node_rules = sum(isinstance(rule, NodeRule) for rule in ALL_RULES)
    assert loaded <= len(ALL_RULES) - node_rules + 10, out.stdout
