"""No finding rests on a property the design does not know: such findings are set aside as not judged, and
findings that hold whatever the unknown value is stay."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from designkit import design

from wadesk.analysis.engine import Analyzer, analyse
from wadesk.model import Architecture


def _unknown(arch: Architecture, node: str, unknown: Mapping[str, str]) -> Architecture:
    arch.set_props(node, arch.props_of(node), unknown=unknown)
    return arch


def _keys(arch: Architecture) -> set[str]:
    return {f.key for f in analyse(arch).findings}


def _set_aside(arch: Architecture) -> dict[str, str]:
    return {u.finding.key: u.reason(arch.label_of) for u in analyse(arch).unjudged}


def test_a_node_finding_on_an_unknown_boolean_is_not_judged() -> None:
    arch = _unknown(design([("db", "rds")]), "db", {"storage_encrypted": "var.enc"})
    assert "SEC-DB-UNENCRYPTED@db" not in _keys(arch)
    assert _set_aside(arch)["SEC-DB-UNENCRYPTED@db"] == "depends on unresolved storage_encrypted (var.enc)"


def test_the_near_miss_a_known_false_is_still_a_finding() -> None:
    arch = design([("db", "rds", None, {"storage_encrypted": False})])
    assert "SEC-DB-UNENCRYPTED@db" in _keys(arch)
    assert not analyse(arch).unjudged


def test_a_finding_that_holds_whatever_the_unknown_value_stays() -> None:
    """An unknown Multi-AZ setting says nothing about encryption: that finding stays, the single-AZ one goes."""
    arch = _unknown(design([("db", "rds")]), "db", {"multi_az": "Ref MultiAz"})
    keys = _keys(arch)
    assert "SEC-DB-UNENCRYPTED@db" in keys and "REL-DB-SINGLE-AZ@db" not in keys
    assert set(_set_aside(arch)) == {"REL-DB-SINGLE-AZ@db"}


def test_an_unknown_choice_is_judged_for_each_choice() -> None:
    """CloudFront's viewer protocol: allow-all reports, but the unknown could be redirect-to-https."""
    arch = design([("cdn", "cloudfront", None, {"viewer_protocol": "allow-all"})])
    assert "SEC-CLOUDFRONT-ALLOW-HTTP@cdn" in _keys(arch)
    _unknown(arch, "cdn", {"viewer_protocol": "var.policy"})
    assert "SEC-CLOUDFRONT-ALLOW-HTTP@cdn" not in _keys(arch)
    assert "SEC-CLOUDFRONT-ALLOW-HTTP@cdn" in _set_aside(arch)


def test_a_graph_finding_that_rests_on_another_nodes_unknown_names_that_node() -> None:
    """Whether the database sits in a public subnet depends on the subnet's unknown ``public``."""
    arch = design([
        ("vpc", "vpc"),
        ("net", "subnet", "vpc", {"public": True, "availability_zone": "a"}),
        ("db", "rds", "net", {"storage_encrypted": True}),
    ])
    assert "SEC-DB-PUBLIC-SUBNET@db" in _keys(arch)
    _unknown(arch, "net", {"public": "var.public"})
    assert "SEC-DB-PUBLIC-SUBNET@db" not in _keys(arch)
    assert _set_aside(arch)["SEC-DB-PUBLIC-SUBNET@db"] == "depends on unresolved public of net (var.public)"


def test_an_unknown_the_rule_does_not_read_changes_nothing() -> None:
    arch = design([
        ("vpc", "vpc"),
        ("net", "subnet", "vpc", {"public": True, "availability_zone": "a"}),
        ("db", "rds", "net", {"storage_encrypted": True}),
    ])
    _unknown(arch, "net", {"cidr": "var.cidr"})
    assert "SEC-DB-PUBLIC-SUBNET@db" in _keys(arch)


def test_a_walk_through_an_internal_or_internet_facing_balancer_is_not_judged_on_its_unknown_scheme() -> None:
    """SEC-NO-WAF reports an internet-facing ALB that requests reach past no WAF; the scheme is unknown."""
    arch = design([("users", "internet"), ("lb", "alb", None, {"scheme": "internet-facing"})], [("users", "lb")])
    assert "SEC-NO-WAF@lb" in _keys(arch)
    _unknown(arch, "lb", {"scheme": "var.scheme"})
    assert "SEC-NO-WAF@lb" not in _keys(arch)
    assert "SEC-NO-WAF@lb" in _set_aside(arch)


def test_placeholders_are_not_judged_and_take_no_part() -> None:
    arch = design([("db", "rds", None, {"defined_elsewhere": True})])
    _unknown(arch, "db", {"storage_encrypted": ""})
    result = analyse(arch)
    assert not result.unjudged and not result.for_node("db")


def test_stating_the_value_in_the_editor_judges_it_again_and_undo_sets_it_aside_again() -> None:
    from wadesk.editing import SetProperty

    arch = _unknown(design([("db", "rds")]), "db", {"storage_encrypted": "var.enc"})
    analyzer = Analyzer(arch)
    assert "SEC-DB-UNENCRYPTED@db" not in {f.key for f in analyzer.result().findings}
    edit = SetProperty("db", "storage_encrypted", False)
    edit.apply(arch)
    assert "db" in analyzer.update()
    assert "SEC-DB-UNENCRYPTED@db" in {f.key for f in analyzer.result().findings}
    assert not analyzer.result().unjudged
    edit.revert(arch)
    analyzer.update()
    assert "SEC-DB-UNENCRYPTED@db" not in {f.key for f in analyzer.result().findings}
    assert [u.finding.key for u in analyzer.result().unjudged] == ["SEC-DB-UNENCRYPTED@db"]


STACK = """\
Parameters:
  Enc: {Type: String}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: !Ref Enc
"""


def test_wadesk_check_lists_what_it_did_not_judge_in_text_json_and_sarif(tmp_path: Path) -> None:
    import io
    import json

    from wadesk.cli.check import run_check

    template = tmp_path / "stack.yaml"
    template.write_text(STACK)
    out = io.StringIO()
    run_check([str(template)], "text", "never", out=out)
    text = out.getvalue()
    assert "SEC-DB-UNENCRYPTED on Db: not judged: depends on unresolved storage_encrypted (Ref Enc)" in text
    assert "SEC-DB-UNENCRYPTED  Security" not in text  # not among the findings
    out = io.StringIO()
    run_check([str(template)], "json", "never", out=out)
    design_json = json.loads(out.getvalue())["designs"][0]
    assert [u["rule"] for u in design_json["not_judged"]] == ["SEC-DB-UNENCRYPTED"]
    assert design_json["not_judged"][0]["rests_on"] == [
        {"node": "Db", "property": "storage_encrypted", "expression": "Ref Enc"}
    ]
    assert "SEC-DB-UNENCRYPTED" not in [f["rule"] for f in design_json["findings"]]
    out = io.StringIO()
    run_check([str(template)], "sarif", "never", out=out)
    results = json.loads(out.getvalue())["runs"][0]["results"]
    review = [r for r in results if r.get("kind") == "review"]
    assert len(review) == 1 and review[0]["ruleId"] == "SEC-DB-UNENCRYPTED" and review[0]["level"] == "none"
    assert review[0]["message"]["text"].startswith("Not judged: depends on unresolved storage_encrypted (Ref Enc).")
    assert not [r for r in results if r["ruleId"] == "SEC-DB-UNENCRYPTED" and r.get("kind") != "review"]


def test_the_near_miss_a_parameter_with_a_value_is_judged(tmp_path: Path) -> None:
    import io

    from wadesk.cli.check import SourceInputs, run_check

    template = tmp_path / "stack.yaml"
    template.write_text(STACK)
    out = io.StringIO()
    run_check([str(template)], "text", "never", out=out, inputs=SourceInputs(parameters={"Enc": "false"}))
    assert "SEC-DB-UNENCRYPTED  Security" in out.getvalue() and "Not judged (they rest" not in out.getvalue()


def test_marking_a_node_defined_elsewhere_drops_what_was_set_aside_on_it() -> None:
    arch = _unknown(design([("db", "rds")]), "db", {"storage_encrypted": "var.enc"})
    analyzer = Analyzer(arch)
    assert analyzer.result().unjudged
    arch.set_property("db", "defined_elsewhere", True)
    analyzer.update()
    assert not analyzer.result().unjudged and not analyse(arch).unjudged
