"""A VPC, subnet or security group that stands for one outside the design: no rule judges its settings."""

from __future__ import annotations

from pathlib import Path

from designkit import design

from wadesk.analysis.engine import Analyzer, analyse
from wadesk.importers.api import import_source


def _rules_on(arch, node_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in analyse(arch).findings if f.node == node_id}


def test_settings_of_a_network_defined_elsewhere_are_not_judged() -> None:
    outside = {"defined_elsewhere": True, "map_public_ip_on_launch": True}
    arch = design(
        [
            ("shared", "vpc", None, {"defined_elsewhere": True}),
            ("shared-subnet", "subnet", "shared", outside),
            ("own", "vpc"),
            ("own-subnet", "subnet", "own", {"map_public_ip_on_launch": True}),
        ]
    )
    assert "SEC-VPC-NO-FLOW-LOGS" not in _rules_on(arch, "shared")
    assert "SEC-SUBNET-AUTO-PUBLIC-IP" not in _rules_on(arch, "shared-subnet")
    assert "SEC-VPC-NO-FLOW-LOGS" in _rules_on(arch, "own")
    assert "SEC-SUBNET-AUTO-PUBLIC-IP" in _rules_on(arch, "own-subnet")


def test_marking_a_vpc_as_defined_here_brings_its_findings_back_incrementally() -> None:
    arch = design([("shared", "vpc", None, {"defined_elsewhere": True})])
    analyzer = Analyzer(arch)
    try:
        assert not [f for f in analyzer.result().findings if f.node == "shared"]
        arch.set_property("shared", "defined_elsewhere", False)
        analyzer.update()
        assert "SEC-VPC-NO-FLOW-LOGS" in {f.rule for f in analyzer.result().findings if f.node == "shared"}
    finally:
        analyzer.close()


def test_a_vpc_from_a_parameter_is_imported_as_defined_elsewhere(tmp_path: Path) -> None:
    template = tmp_path / "stack.yaml"
    template.write_text(
        "Parameters:\n  VpcId: {Type: 'AWS::EC2::VPC::Id'}\n"
        "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n"
        "    Properties: {GroupDescription: web, VpcId: !Ref VpcId}\n"
    )
    arch = import_source(template, layout=False).built.arch
    vpcs = [node.id for node in arch.nodes() if node.kind == "vpc"]
    assert vpcs and all(arch.props_of(vpc).get("defined_elsewhere") for vpc in vpcs)
    assert not [f for f in analyse(arch).findings if f.node in vpcs]
