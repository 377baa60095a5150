"""SEC-CONFIG-PARTIAL-RECORDING: a Config recorder that records some resource types only."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.config_partial_recording import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_partial_recorder_is_reported() -> None:
    arch = design([("some", "config", None, {"all_resources": False}), ("all", "config")])
    assert hits(RULE, arch) == {key(RULE, "some")}
