"""Every real template of the shared corpus reads and evaluates without error, in milliseconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.importers.cfn.template import load_template, looks_like_template

# The corpus sits beside the clone as ../shared (in CI and in the main checkout); a worktree one level deeper
# finds it one level further up.
_HERE = Path(__file__).resolve()
_PLACES = [_HERE.parents[3] / "shared" / "corpus" / "cfn", _HERE.parents[4] / "shared" / "corpus" / "cfn"]
CORPUS = next((folder for folder in _PLACES if folder.is_dir()), _PLACES[0])
TEMPLATES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not TEMPLATES, reason="the shared corpus is beside the project only in the workplace")


@pytest.mark.parametrize("path", TEMPLATES, ids=[path.name for path in TEMPLATES])
def test_every_corpus_template_imports(path: Path) -> None:
    assert looks_like_template(path)
    template = load_template(path)
    assert template.resources, "no resources"
    for entry in template.unresolved:  # shown with pytest -s, to review what stays unresolved
        print(f"{path.name}: {entry.logical_id} {entry.path}: {entry.expression}: {entry.reason}")
    # What stays unresolved in the corpus is only what a reader cannot know: parameters without defaults and
    # rain preprocessor directives (and what refers to them).
    for entry in template.unresolved:
        assert any(word in entry.reason for word in ("no Default", "rain", "module")), entry
