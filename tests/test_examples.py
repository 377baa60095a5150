"""The example designs: findings pinned per example, the reference passes, the flawed one fails everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.fileformat import load_design
from wadesk.rules.base import PILLARS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.wadesk"))
PINS = ROOT / "tests" / "data" / "example_findings.json"
REQUIRED = {
    "three-tier-web",
    "serverless-api",
    "static-website",
    "event-driven-pipeline",
    "data-lake",
    "containers-ecs",
    "hub-and-spoke",
    "flawed-startup",
}


def pinned_findings() -> dict[str, list[str]]:
    """Every example's finding keys as they are now (what tests/data/pin_examples.py writes)."""
    return {path.stem: sorted(f.key for f in analyse(load_design(path)).findings) for path in EXAMPLES}


def test_the_promised_examples_exist() -> None:
    assert REQUIRED <= {path.stem for path in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_findings_are_pinned(path: Path) -> None:
    pins = json.loads(PINS.read_text(encoding="utf-8"))
    found = sorted(f.key for f in analyse(load_design(path)).findings)
    assert found == pins[path.stem], "findings changed: review them, then run python tests/data/pin_examples.py"


def test_reference_design_has_no_high_risk() -> None:
    result = analyse(load_design(ROOT / "examples" / "three-tier-web.wadesk"))
    assert [f.key for f in result.active() if f.severity == "high"] == []


def test_flawed_startup_has_findings_in_every_pillar() -> None:
    result = analyse(load_design(ROOT / "examples" / "flawed-startup.wadesk"))
    pillars = {f.pillar for f in result.active()}
    assert pillars == set(PILLARS)
    assert not any(f.error for f in result.findings)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_rule_fails_on_an_example(path: Path) -> None:
    assert [f.message for f in analyse(load_design(path)).findings if f.error] == []


def test_a_workload_example_states_the_account_baseline_it_assumes_once() -> None:
    result = analyse(load_design(ROOT / "examples" / "static-website.wadesk"))
    assert [a.rule for a in result.assumptions] == ["SEC-NO-CLOUDTRAIL", "SEC-NO-CONFIG", "SEC-NO-GUARDDUTY"]
    assert not [f for f in result.findings if f.rule in {a.rule for a in result.assumptions}]


def test_the_flawed_startup_is_a_whole_account_and_misses_its_baseline() -> None:
    arch = load_design(ROOT / "examples" / "flawed-startup.wadesk")
    assert arch.scope == "account"
    result = analyse(arch)
    assert result.assumptions == ()
    assert {"SEC-NO-CLOUDTRAIL@", "SEC-NO-CONFIG@", "SEC-NO-GUARDDUTY@"} <= {f.key for f in result.findings}
