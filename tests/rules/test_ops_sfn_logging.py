"""OPS-SFN-LOGGING: a state machine that writes no execution logs."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.sfn_logging import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_state_machines_without_logging_are_reported() -> None:
    arch = design([("flow", "step_functions"), ("fast", "step_functions", None, {"workflow_type": "EXPRESS"})])
    assert hits(RULE, arch) == {key(RULE, "flow"), key(RULE, "fast")}


def test_state_machine_with_logging_passes() -> None:
    assert hits(RULE, design([("flow", "step_functions", None, {"logging": True})])) == set()
