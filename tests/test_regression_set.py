"""Real CloudFormation stacks imported as designs, every finding judged by reading the template.

``tests/regression/verdicts.json`` holds, per design, each finding wadesk has reported on it (before
and after calibration) with a verdict: ``true`` (the template confirms it: it must stay), ``false``
(the template refutes it: it must not come back), ``false_known`` (a false alarm still reported,
explained), ``unjudged`` (the template cannot say, such as a VPC passed in as a parameter) or
``account`` (about the AWS account, not the stack: a workload states it as an assumption).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.fileformat import load_design

FOLDER = Path(__file__).resolve().parent / "regression"
VERDICTS: dict[str, dict[str, dict[str, str]]] = json.loads((FOLDER / "verdicts.json").read_text(encoding="utf-8"))
DESIGNS = sorted(FOLDER.glob("*.wadesk"))


def _verdicts(path: Path, verdict: str) -> set[str]:
    return {key for key, entry in VERDICTS[path.stem].items() if entry["verdict"] == verdict}


def test_every_design_has_verdicts_and_every_verdict_a_design() -> None:
    assert len(DESIGNS) >= 6
    assert {p.stem for p in DESIGNS} == set(VERDICTS)


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_true_findings_stay_and_false_ones_do_not_come_back(path: Path) -> None:
    result = analyse(load_design(path))
    found = {f.key for f in result.findings}
    assert _verdicts(path, "true") <= found, "a finding the template confirms is no longer reported"
    assert not (_verdicts(path, "false") & found), "a false alarm came back"


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_every_finding_on_a_real_stack_has_been_judged(path: Path) -> None:
    found = {f.key for f in analyse(load_design(path)).findings}
    unjudged = found - set(VERDICTS[path.stem])
    assert not unjudged, f"judge these against the template and record them in verdicts.json: {sorted(unjudged)}"


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_account_facts_are_stated_once_as_assumptions_of_a_workload(path: Path) -> None:
    result = analyse(load_design(path))
    account = _verdicts(path, "account")
    assert not (account & {f.key for f in result.findings})
    assert {f"{a.rule}@" for a in result.assumptions} == account


def test_the_false_alarm_rate_on_the_set_stays_below_what_was_measured() -> None:
    judged = true = false = 0
    for path in DESIGNS:
        found = {f.key for f in analyse(load_design(path)).findings}
        for key in found:
            verdict = VERDICTS[path.stem].get(key, {}).get("verdict")
            if verdict in ("true", "false", "false_known"):
                judged += 1
                true += verdict == "true"
                false += verdict != "true"
    assert judged and false / judged <= 0.02, f"{false} false alarms among {judged} judged findings"
