"""SEC-CODEBUILD-PRIVILEGED: a build project in privileged mode."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.codebuild_privileged import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_privileged_project_is_reported() -> None:
    arch = design([("docker", "codebuild", None, {"privileged_mode": True}), ("plain", "codebuild")])
    assert hits(RULE, arch) == {key(RULE, "docker")}


def test_an_unprivileged_project_passes() -> None:
    arch = design([("plain", "codebuild", None, {"privileged_mode": False})])
    assert hits(RULE, arch) == set()
