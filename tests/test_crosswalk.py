"""The crosswalk to Security Hub and Checkov: every id says whether its check tests the same thing."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from wadesk.app import main
from wadesk.rules.base import RuleMeta
from wadesk.rules.registry import ALL_RULES

BY_ID = {rule.id: rule.meta for rule in ALL_RULES}


def test_rules_json_says_exact_or_partial_for_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    for record in json.loads(capsys.readouterr().out)["rules"]:
        listed = [*record["securityhub"], *record["checkov"]]
        assert [c["id"] for c in record["crosswalk"]] == listed
        assert {c["match"] for c in record["crosswalk"]} <= {"exact", "partial"}
        for entry in record["crosswalk"]:
            assert entry["source"] == ("securityhub" if entry["id"] in record["securityhub"] else "checkov")


def test_a_check_of_another_property_is_not_listed() -> None:
    # CKV_AWS_17 and RDS.2 read PubliclyAccessible, which SEC-DB-PUBLICLY-ACCESSIBLE reports, not the subnet.
    assert BY_ID["SEC-DB-PUBLIC-SUBNET"].crosswalk() == {}
    assert BY_ID["SEC-DB-PUBLICLY-ACCESSIBLE"].crosswalk()["CKV_AWS_17"] == "exact"
    assert BY_ID["PERF-S3-NO-CDN"].crosswalk() == {}


def test_checks_of_a_resource_s_own_setting_are_partial_for_a_path_rule() -> None:
    assert set(BY_ID["SEC-NO-WAF"].crosswalk().values()) == {"partial"}
    assert BY_ID["SEC-DATA-EXPOSED"].crosswalk() == {"RDS.2": "partial"}
    assert BY_ID["OPS-LB-ACCESS-LOGS"].crosswalk() == {"ELB.5": "exact", "CKV_AWS_91": "exact", "CKV_AWS_92": "exact"}


def test_a_partial_id_must_be_one_the_rule_lists() -> None:
    with pytest.raises(ValidationError, match="partial ids"):
        RuleMeta(
            id="X",
            title="t",
            pillar="security",
            severity="low",
            wa_bp="SEC01-BP01",
            rationale="r",
            remediation="f",
            checkov=("CKV_AWS_1",),
            partial=("CKV_AWS_2",),
        )
