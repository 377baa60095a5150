"""The IAM, database-secret and per-route API rules on every stack of the shared corpus, each finding judged.

``tests/regression/corpus_rules_iam_secrets.json`` holds, per source (a CloudFormation template or a Terraform
plan or folder under ``../shared/corpus``), each finding these rules report with its verdict and why; a source
listed with no finding must stay silent (the near misses: secrets kept in Secrets Manager, service roles, SSM
agent grants). Every finding of these rules anywhere in the corpus must be judged there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source
from wadesk.rules.security import (
    apigw_open_route,
    db_password_in_code,
    db_password_visible,
    iam_credentials_on_all,
    iam_data_reads_on_all,
    iam_permissions_on_all,
    iam_service_wildcard,
    iam_writes_on_all,
)

ROOT = Path(__file__).resolve().parents[1]
RULES = [
    apigw_open_route.RULE,
    db_password_in_code.RULE,
    db_password_visible.RULE,
    iam_service_wildcard.RULE,
    iam_permissions_on_all.RULE,
    iam_credentials_on_all.RULE,
    iam_data_reads_on_all.RULE,
    iam_writes_on_all.RULE,
]
VERDICTS: dict[str, dict[str, dict[str, str]]] = json.loads(
    (ROOT / "tests" / "regression" / "corpus_rules_iam_secrets.json").read_text(encoding="utf-8")
)


def _corpus() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared")):
        if (candidate / "corpus" / "cfn").is_dir():
            return candidate / "corpus"
    return None


CORPUS = _corpus()
SOURCES = (
    sorted(
        [
            *(CORPUS / "cfn").glob("*.yaml"),
            *(CORPUS / "terraform" / "plan").glob("*.json"),
            *(p for p in (CORPUS / "terraform" / "hcl").iterdir() if p.is_dir()),
        ]
    )
    if CORPUS
    else []
)


def _found(path: Path) -> set[str]:
    arch = import_source(path, layout=False).built.arch
    return {f.key for f in analyse(arch, RULES).findings}


def test_the_corpus_is_there() -> None:
    if CORPUS is None and not os.environ.get("CI"):
        pytest.skip("the shared corpus is not beside this checkout")
    assert CORPUS is not None and len(SOURCES) >= 30
    assert set(VERDICTS) <= {str(p.relative_to(CORPUS)) for p in SOURCES}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_finding_is_judged_true_ones_stay_false_ones_do_not_come_back(path: Path) -> None:
    assert CORPUS is not None
    judged = VERDICTS.get(str(path.relative_to(CORPUS)), {})
    found = _found(path)
    assert found <= set(judged), f"judge these against the code and record them: {sorted(found - set(judged))}"
    true = {key for key, entry in judged.items() if entry["verdict"] == "true"}
    assert true <= found, "a finding the code confirms is no longer reported"
